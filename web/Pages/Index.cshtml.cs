using HomeService.Web.Data;
using HomeService.Web.Pages.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// The community service supermarket (社区服务超市): search, the two ways in (online order, free callback), hot services,
/// the catalogue, recommended merchants. Every part is read from memory or a cached or indexed read, so the page stays fast.
/// </summary>
public sealed class IndexModel(CatalogueReader catalogue, PublicSiteReader site, MerchantLookupReader lookup, ArticleReader articles) : PageModel
{
    public IReadOnlyList<CatalogueReader.Category> Catalogue { get; private set; } = [];
    public IReadOnlyList<PublicSiteReader.HotService> Hot { get; private set; } = [];
    public IReadOnlyList<MerchantLookupReader.MerchantCard> Recommended { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<ArticleReader.ArticleSummary> News { get; private set; } = [];

    public async Task OnGet()
    {
        Catalogue = await catalogue.GetTree();
        CategoryNames = Catalogue.SelectMany(t => t.Children).ToDictionary(c => c.Code, SiteText.Name);
        Hot = await site.HotServices();
        Recommended = await lookup.Search(null, null, null, limit: 6);
        News = await articles.Latest(5);
    }
}
