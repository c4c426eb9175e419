using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Site;

/// <summary>
/// One search over services, merchants and articles (news, notices, policies, FAQ), results grouped by kind. Chinese has no spaces to split words on, so
/// matching is by substring: "开荒" finds 开荒保洁, "保洁" finds every cleaning service and company.
/// </summary>
public sealed class SearchModel(CatalogueReader catalogue, MerchantLookupReader lookup, ArticleReader articles) : PageModel
{
    public string? Q { get; private set; }
    public IReadOnlyList<CatalogueReader.Category> Categories { get; private set; } = [];
    public IReadOnlyList<MerchantLookupReader.MerchantCard> Merchants { get; private set; } = [];
    public IReadOnlyList<ArticleReader.ArticleSummary> Articles { get; private set; } = [];

    public async Task OnGet(string? q)
    {
        Q = q?.Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, 50)] : null;
        if (Q is null) return;
        Categories = ServiceMatch.Find(await catalogue.GetTree(), Q);
        Merchants = await lookup.Search(Q, null, null, limit: 20);
        // Found by a name people use ("日常保洁"): the companies serving the first such service.
        if (Merchants.Count == 0 && Categories.Count > 0) Merchants = await lookup.Search(null, Categories[0].Code, null, limit: 20);
        Articles = await articles.Search(Q, 10);
    }
}
