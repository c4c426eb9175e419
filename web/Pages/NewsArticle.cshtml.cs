using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>One published article of the information center; a draft, a taken-down article or an unknown id is a 404 page.</summary>
public sealed class NewsArticleModel(ArticleReader reader) : PageModel
{
    public ArticleReader.PublishedArticle? Article { get; private set; }

    public async Task OnGet(string id)
    {
        Article = await reader.Find(id);
        if (Article is null) Response.StatusCode = StatusCodes.Status404NotFound;
    }
}
