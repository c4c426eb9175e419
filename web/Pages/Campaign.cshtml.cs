using HomeService.CallCenter.Campaigns;
using HomeService.Web.Api;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>One IVR campaign: its settings, start and pause, and every number (masked) with its attempts and result.</summary>
public sealed class CampaignModel(IGrainFactory grains, UiText text) : PageModel
{
    public CampaignView Campaign { get; private set; } = null!;
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGet(string campaignId)
    {
        if (campaignId.Length > 64 || await grains.GetGrain<ICampaignGrain>(campaignId).Get() is not { } view) return NotFound();
        Campaign = CampaignEndpoints.Masked(view);
        return Page();
    }

    public Task<IActionResult> OnPostStart(string campaignId) => Command(campaignId, (c, by) => c.Start(by));

    public Task<IActionResult> OnPostPause(string campaignId) => Command(campaignId, (c, by) => c.Pause(by));

    private async Task<IActionResult> Command(string campaignId, Func<ICampaignGrain, string, Task<CommandResult<CampaignView>>> action)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        if (campaignId.Length > 64 || await campaign.Get() is null) return NotFound();
        var result = await action(campaign, User.Identity!.Name!);
        if (result.Succeeded) return Redirect($"/campaigns/{campaignId}");
        var (field, codes) = result.Errors!.First();
        Error = text.Validation(field, codes[0], "campaign");
        return await OnGet(campaignId);
    }
}
