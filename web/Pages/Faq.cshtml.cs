using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>The FAQ (常见问题): every published entry, a list of questions at the top and each answer below.</summary>
public sealed class FaqModel(ArticleReader reader) : PageModel
{
    public IReadOnlyList<ArticleReader.PublishedArticle> Entries { get; private set; } = [];

    public async Task OnGet() => Entries = await reader.Faq();
}
