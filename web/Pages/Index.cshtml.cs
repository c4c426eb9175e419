using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

public sealed class IndexModel(CatalogueReader catalogue) : PageModel
{
    public IReadOnlyList<CatalogueReader.Category> Catalogue { get; private set; } = [];

    public async Task OnGet() => Catalogue = await catalogue.GetTree();
}
