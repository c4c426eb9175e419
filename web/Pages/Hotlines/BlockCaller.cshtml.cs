using HomeService.CallCenter;
using HomeService.Web.Api;
using HomeService.Web.Api.Admin;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Hotlines;

/// <summary>
/// 拉黑来电: an agent or a supervisor blocks the caller of a call from the call history (the console's calls of today,
/// the recordings). An agent may block only a call they answered; the number is the call's, never typed.
/// </summary>
[Authorize(Policy = Policies.CallCenter)]
public sealed class BlockCallerModel(HotlineCommands commands, TimeProvider clock, UiText text) : PageModel
{
    public static readonly int[] Durations = [1, 7, 30, 90, 365];

    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public int? Days { get; set; }

    public CallView? Call { get; private set; }
    public BlacklistVersion? Blocked { get; private set; }
    public DateOnly Today { get; private set; }
    public Dictionary<string, string> Errors { get; } = new();

    /// <summary>Agents see the caller masked, as in the recordings; the block still takes the whole number.</summary>
    public string CallerShown => Call is null ? "" : RecordingEndpoints.IsLead(User) ? Call.Caller : PersonalData.MaskPhone(Call.Caller);

    public async Task<IActionResult> OnGet(string callId)
    {
        if (!await Load(callId)) return NotFound();
        Days = 30;
        return Page();
    }

    public async Task<IActionResult> OnPost(string callId)
    {
        if (!await Load(callId)) return NotFound();
        if (Days is not { } days || !Durations.Contains(days)) Errors["expiresOn"] = text.Validation("expiresOn", "required", "blacklist");
        else
        {
            var outcome = await commands.BlockFromCall(User, callId, Reason, Today.AddDays(days));
            if (outcome.NotFound) return NotFound();
            if (outcome.Succeeded)
            {
                Blocked = outcome.Value;
                return Page();
            }
            foreach (var (field, codes) in outcome.Errors!) Errors[field] = text.Validation(field, codes[0], "blacklist");
        }
        return Page();
    }

    private async Task<bool> Load(string callId)
    {
        Today = BlacklistEndpoints.Today(clock);
        Call = await commands.CallFor(User, callId);
        return Call is not null;
    }
}
