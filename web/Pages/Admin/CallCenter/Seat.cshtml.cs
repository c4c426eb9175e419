using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>One seat: name, extension, skills and team; a logged-in agent keeps working and gets the new skills at once.</summary>
public sealed class SeatModel(IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public SeatForm Form { get; set; } = new();
    public Dictionary<string, string> Errors { get; private set; } = new();
    public bool Saved { get; private set; }
    public string AgentId { get; private set; } = "";

    public async Task<IActionResult> OnGet(string agentId, bool? saved)
    {
        if (agentId.Length > 16 || await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgent(agentId) is not { } seat) return NotFound();
        (AgentId, Form, Saved) = (agentId, SeatForm.From(seat), saved == true);
        return Page();
    }

    public async Task<IActionResult> OnPost(string agentId)
    {
        if (agentId.Length > 16 || await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgent(agentId) is null) return NotFound();
        var result = await grains.GetGrain<ICallCenterDirectoryGrain>(0).UpdateAgent(Form.ToProfile(agentId), AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"/admin/call-center/seats/{Uri.EscapeDataString(agentId)}?saved=true");
        (AgentId, Errors) = (agentId, SeatForm.Messages(result.Errors!, text));
        return Page();
    }
}
