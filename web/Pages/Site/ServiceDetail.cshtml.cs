using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Site;

/// <summary>One category's quick lookup (服务速查): what it covers, price, typical duration, the merchants serving a district, and an order button.</summary>
public sealed class ServiceDetailModel(CatalogueReader catalogue, MerchantLookupReader lookup, LivePlaces places) : PageModel
{
    public CatalogueReader.Category? Category { get; private set; }
    public CatalogueReader.Category? Parent { get; private set; }
    public string? District { get; private set; }
    public IReadOnlyList<MerchantLookupReader.MerchantCard> Merchants { get; private set; } = [];

    public async Task<IActionResult> OnGet(string category, string? district)
    {
        foreach (var top in await catalogue.GetTree())
            if (top.Children.FirstOrDefault(c => c.Code == category) is { } found) (Category, Parent) = (found, top);
        if (Category is null) return NotFound();
        District = await places.IsOpen(district) ? district : null;
        Merchants = await lookup.Search(null, Category.Code, District, limit: 20);
        return Page();
    }
}
