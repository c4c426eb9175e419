using HomeService.CallCenter;
using HomeService.Web.Api.Admin;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages.Admin.CallCenter;

/// <summary>班组: every team with its supervisor and how many seats are in it; a new team, and one team's edit and retirement.</summary>
public sealed class TeamsModel(IGrainFactory grains, TeamReader reader, UiText text) : PageModel
{
    public sealed class TeamForm
    {
        public string? TeamId { get; set; }
        public string? Name { get; set; }
        public string? SupervisorLogin { get; set; }
    }

    [BindProperty] public TeamForm New { get; set; } = new();
    [BindProperty] public TeamForm Edit { get; set; } = new();
    public IReadOnlyList<TeamReader.TeamRow> Teams { get; private set; } = [];
    public IReadOnlyList<TeamReader.Supervisor> Supervisors { get; private set; } = [];
    public TeamReader.TeamRow? Selected { get; private set; }
    /// <summary>Field errors by form: "new.name" for the new team's form, "name" for the edited team's.</summary>
    public Dictionary<string, string> Errors { get; } = new();
    public string? Saved { get; private set; }

    public string? Error(string key) => Errors.GetValueOrDefault(key);

    public async Task OnGet(string? edit, string? saved)
    {
        await Load(edit);
        if (Selected is { } t) Edit = new TeamForm { Name = t.Name, SupervisorLogin = t.SupervisorLogin };
        Saved = saved is "create" or "update" or "retire" or "reinstate" ? text[$"teams.saved.{saved}"] : null;
    }

    public async Task<IActionResult> OnPostCreate()
    {
        var result = await Directory.CreateTeam(new Team(New.TeamId ?? "", New.Name ?? "", New.SupervisorLogin, true), AccountCommands.Actor(User));
        return result.Succeeded ? Done(result.Value!.TeamId, "create") : await Refused(null, result.Errors!, "new.");
    }

    public async Task<IActionResult> OnPostEdit(string team)
    {
        if (team.Length > 64 || await Directory.GetTeam(team) is not { } current) return NotFound();
        var result = await Directory.UpdateTeam(current with { Name = Edit.Name ?? "", SupervisorLogin = Edit.SupervisorLogin }, AccountCommands.Actor(User));
        return result.Succeeded ? Done(team, "update") : await Refused(team, result.Errors!, "");
    }

    public async Task<IActionResult> OnPostActive(string team, bool active)
    {
        if (team.Length > 64 || await Directory.GetTeam(team) is not { } current) return NotFound();
        var result = await Directory.UpdateTeam(current with { Active = active }, AccountCommands.Actor(User));
        if (result.Succeeded) return Done(team, active ? "reinstate" : "retire");
        Edit = new TeamForm { Name = current.Name, SupervisorLogin = current.SupervisorLogin };
        return await Refused(team, result.Errors!, "");
    }

    private ICallCenterDirectoryGrain Directory => grains.GetGrain<ICallCenterDirectoryGrain>(0);

    private async Task Load(string? edit)
    {
        Teams = await reader.List();
        Supervisors = await reader.Supervisors();
        Selected = edit is null ? null : Teams.FirstOrDefault(t => t.TeamId == edit);
    }

    private RedirectResult Done(string team, string saved) =>
        Redirect($"/admin/call-center/teams?edit={Uri.EscapeDataString(team)}&saved={saved}#team-edit");

    private async Task<PageResult> Refused(string? team, IReadOnlyDictionary<string, string[]> errors, string prefix)
    {
        foreach (var (field, codes) in errors) Errors[prefix + field] = text.Validation(field, codes[0], "team");
        await Load(team);
        return Page();
    }
}
