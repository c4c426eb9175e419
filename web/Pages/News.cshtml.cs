using HomeService.Web.Localization;
using HomeService.Articles;
using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// The information center (信息中心): published news, notices and policies, newest first, by column, with a search of
/// titles and summaries and ten to a page. Server-rendered: a link or a search is a plain GET, no script needed.
/// </summary>
public sealed class NewsModel(ArticleReader reader) : PageModel
{
    /// <summary>The columns the list filters by; the FAQ has its own page.</summary>
    public static readonly string[] Columns = [ArticleKinds.News, ArticleKinds.Notice, ArticleKinds.Policy];

    public string? Kind { get; private set; }
    public string Query { get; private set; } = "";
    public ArticleReader.ArticlePage Results { get; private set; } = new([], 1, 1, 0);

    /// <param name="pageNumber">?page=2; bound by name because "page" is also the route value that names a Razor page.</param>
    public async Task OnGet(string? kind, string? q, [FromQuery(Name = "page")] int? pageNumber)
    {
        Kind = Columns.Contains(kind) ? kind : null;
        Query = (q ?? "").Trim();
        if (Query.Length > ArticleReader.MaxQuery) Query = Query[..ArticleReader.MaxQuery];
        Results = await reader.List(Kind, Query, pageNumber ?? 1);
    }

    /// <summary>The address of this list with one thing changed, keeping the rest.</summary>
    public string Link(string? kind = null, int page = 1, bool keepKind = true)
    {
        var k = keepKind ? Kind : kind;
        var query = new List<string>();
        if (k is not null) query.Add($"kind={k}");
        if (Query.Length > 0) query.Add($"q={Uri.EscapeDataString(Query)}");
        if (page > 1) query.Add($"page={page}");
        return "/news" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }

    /// <summary>A date as people in the city read it (Asia/Shanghai).</summary>
    public static string Day(DateTimeOffset at) => BeijingTime.Date(at);
}
