using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>座席: every seat with its extension, skills and team, and a form for a new one.</summary>
public sealed class SeatsModel(IGrainFactory grains, UiText text) : PageModel
{
    [BindProperty] public SeatForm Form { get; set; } = new();
    public IReadOnlyList<AgentProfile> Seats { get; private set; } = [];
    public Dictionary<string, string> Errors { get; private set; } = new();
    public string? Created { get; private set; }

    public async Task OnGet(string? created)
    {
        Created = created is { Length: <= 16 } ? created : null;
        await Load();
    }

    public async Task<IActionResult> OnPost()
    {
        var result = await grains.GetGrain<ICallCenterDirectoryGrain>(0).CreateAgent(Form.ToProfile(), AccountCommands.Actor(User));
        if (result.Succeeded) return Redirect($"/admin/call-center/seats?created={Uri.EscapeDataString(result.Value!.AgentId)}");
        Errors = SeatForm.Messages(result.Errors!, text);
        await Load();
        return Page();
    }

    private async Task Load() =>
        Seats = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgents()).OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList();
}
