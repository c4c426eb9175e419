using HomeService.Merchants;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin;

/// <summary>
/// 商户与服务人员: the merchants panel (admission, red and black lists, suspensions, history, credit and appeals). The page renders the frame; admin-merchants.js reads and acts through the admin API.
/// </summary>
public sealed class MerchantsModel(UiText t) : PageModel
{
    /// <summary>The statuses to filter by, in the order of a merchant's life; the first is what an admin opens the page for.</summary>
    public static readonly string[] Statuses =
    [
        nameof(MerchantStatus.Applied), nameof(MerchantStatus.Active), nameof(MerchantStatus.Warned), nameof(MerchantStatus.Suspended),
        nameof(MerchantStatus.Exited), nameof(MerchantStatus.Rejected),
    ];

    /// <summary>What admin-merchants.js needs: its words (status, list and credit reason names included).</summary>
    public object Script { get; private set; } = new { };

    public void OnGet() => Script = new
    {
        text = UiText.Keys(UiText.DefaultCulture).Where(k => k.StartsWith("admin.") || k.StartsWith("credit.reason.") || k.StartsWith("join.kind.")).ToDictionary(k => k, k => t[k]),
    };
}
