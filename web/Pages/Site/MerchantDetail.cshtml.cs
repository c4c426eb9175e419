using HomeService.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Site;

/// <summary>One admitted merchant's public page: level, figures, categories, districts and recent reviews (reviewers masked).</summary>
public sealed class MerchantDetailModel(PublicSiteReader site, MerchantLookupReader lookup, CatalogueReader catalogue) : PageModel
{
    public PublicSiteReader.MerchantPage? Merchant { get; private set; }
    public IReadOnlyList<PublicSiteReader.Review> Reviews { get; private set; } = [];
    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();

    public async Task<IActionResult> OnGet(string id)
    {
        Merchant = await site.Merchant(id, lookup);
        if (Merchant is null) return NotFound();
        Reviews = await site.Reviews(id);
        CategoryNames = await catalogue.Names();
        return Page();
    }
}
