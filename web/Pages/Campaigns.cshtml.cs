using HomeService.Web.Api;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// IVR outbound campaigns (IVR外呼) for supervisors: the list, and a form for a new one, checked by the same rules as
/// POST /api/campaigns. A follow-up campaign (回访) calls every order whose follow-up is due; a notice calls typed numbers.
/// </summary>
public sealed class CampaignsModel(CampaignReader reader, IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string Kind { get; set; } = "follow-up";
    [BindProperty] public string? Prompt { get; set; }
    [BindProperty] public string? Numbers { get; set; }
    [BindProperty] public string? Pacing { get; set; } = "5";
    [BindProperty] public string? RetryAfterMinutes { get; set; } = "30";
    [BindProperty] public string? MaxAttempts { get; set; } = "3";
    [BindProperty] public string? AllowedFrom { get; set; } = "09:00";
    [BindProperty] public string? AllowedTo { get; set; } = "20:00";

    public IReadOnlyList<CampaignReader.CampaignRow> Rows { get; private set; } = [];
    public Dictionary<string, string> FieldErrors { get; } = new();

    public async Task OnGet() => Rows = await reader.List();

    public async Task<IActionResult> OnPost()
    {
        var numbers = Kind == "notice"
            ? (Numbers ?? "").Split([',', '，', ';', '；', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : null;
        var (pacing, retry, attempts) = (Whole("pacing", Pacing), Whole("retryAfterMinutes", RetryAfterMinutes), Whole("maxAttempts", MaxAttempts));
        if (FieldErrors.Count == 0)
        {
            var request = new CampaignEndpoints.CampaignRequest(Name, Kind, Prompt, numbers, null, pacing, retry, attempts, AllowedFrom, AllowedTo);
            var (view, errors) = await CampaignEndpoints.CreateCampaign(request, User.Identity!.Name!, reader, grains);
            if (view is not null) return Redirect($"/campaigns/{view.CampaignId}");
            foreach (var (field, codes) in errors)
                FieldErrors[field] = field == "orderNos" && codes[0] == "required" ? text["campaigns.none_due"] : text.Validation(field, codes[0], "campaign");
        }
        await OnGet();
        return Page();
    }

    /// <summary>A whole number typed in a box; anything else is named as the field's error.</summary>
    private int? Whole(string field, string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        if (int.TryParse(typed.Trim(), out var n)) return n;
        FieldErrors[field] = text.Validation(field, "format", "campaign");
        return null;
    }
}
