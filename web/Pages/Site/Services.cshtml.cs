using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Site;

/// <summary>Service quick lookup (服务速查): every category with what it covers and its price guide.</summary>
public sealed class ServicesModel(CatalogueReader catalogue) : PageModel
{
    public IReadOnlyList<CatalogueReader.Category> Catalogue { get; private set; } = [];

    public async Task OnGet() => Catalogue = await catalogue.GetTree();
}
