using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Site;

/// <summary>The public merchant lookup (加盟企业查询): admitted companies by name, category and district, best credit first.</summary>
public sealed class MerchantsModel(CatalogueReader catalogue, MerchantLookupReader lookup, LivePlaces places) : PageModel
{
    public IReadOnlyList<CatalogueReader.Category> Catalogue { get; private set; } = [];
    public IReadOnlyList<MerchantLookupReader.MerchantCard> Merchants { get; private set; } = [];
    public string? Q { get; private set; }
    public string? Category { get; private set; }
    public string? District { get; private set; }

    public async Task OnGet(string? q, string? category, string? district)
    {
        Catalogue = await catalogue.GetTree();
        (Q, Category, District) = (q?.Trim(), category, await places.IsOpen(district) ? district : null);
        Merchants = await lookup.Search(Q, Category, District, limit: 50);
    }
}
