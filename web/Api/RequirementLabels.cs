using HomeService.Catalogue;
using HomeService.Web.Localization;

namespace HomeService.Web.Api;

/// <summary>A category's own fields ("requirements.rooms") are named by the catalogue, in the caller's language.</summary>
public static class RequirementLabels
{
    public const string Prefix = "requirements.";

    public static async Task<Func<string, string?>> For(IGrainFactory grains, string? categoryCode)
    {
        var category = string.IsNullOrEmpty(categoryCode) ? null : await grains.GetGrain<IServiceCatalogueGrain>(0).Get(categoryCode);
        return field =>
        {
            if (!field.StartsWith(Prefix)) return null;
            var own = category?.Terms.Fields.FirstOrDefault(f => f.Key == field[Prefix.Length..]);
            return own is null ? field[Prefix.Length..] : UiText.IsEnglish ? own.NameEn : own.NameZh;
        };
    }
}
