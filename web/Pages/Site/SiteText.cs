using HomeService.Web.Data;
using HomeService.Web.Localization;

namespace HomeService.Web.Pages.Site;

/// <summary>A category's words in the page's language (Chinese first, English when chosen; Chinese when no English is written).</summary>
public static class SiteText
{
    public static string Name(CatalogueReader.Category c) => UiText.IsEnglish ? c.NameEn : c.NameZh;
    public static string? Description(CatalogueReader.Category c) => Pick(c.Terms?.DescriptionZh, c.Terms?.DescriptionEn);
    public static string? PriceGuide(CatalogueReader.Category c) => Pick(c.Terms?.PriceGuideZh, c.Terms?.PriceGuideEn);
    public static string? Duration(CatalogueReader.Category c) => Pick(c.Terms?.DurationZh, c.Terms?.DurationEn);

    private static string? Pick(string? zh, string? en) => UiText.IsEnglish ? en ?? zh : zh;
}
