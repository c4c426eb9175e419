using HomeService.CallCenter;
using HomeService.Identity;
using HomeService.Web.Api.Admin;
using HomeService.Web.Localization;

namespace HomeService.Web.Pages.Admin;

/// <summary>The fields of a staff account as the new and edit forms post them, and what both forms need to show.</summary>
public sealed class AccountForm
{
    public string? Login { get; set; }
    public string? DisplayName { get; set; }
    public List<string> Roles { get; set; } = [];
    public string? AgentId { get; set; }
    public string? TeamId { get; set; }

    public static readonly IReadOnlyList<string> StaffRoles = [Identity.Roles.Admin, Identity.Roles.Supervisor, Identity.Roles.Agent];

    public AccountEdit ToEdit() => AccountEndpoints.ToEdit(DisplayName, Roles, AgentId, TeamId);

    public static AccountForm From(UserAccount a) =>
        new() { Login = a.Login, DisplayName = a.DisplayName, Roles = a.Roles.ToList(), AgentId = a.AgentId, TeamId = a.TeamId };

    /// <summary>Field errors in the reader's language, keyed by field name.</summary>
    public static Dictionary<string, string> Messages(IReadOnlyDictionary<string, string[]> errors, UiText text) =>
        errors.ToDictionary(e => e.Key, e => text.Validation(e.Key, e.Value[0], "account"));

    /// <summary>The seats an agent account can be linked to.</summary>
    public static async Task<IReadOnlyList<AgentProfile>> Seats(IGrainFactory grains) =>
        (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgents()).OrderBy(a => a.AgentId, StringComparer.Ordinal).ToList();
}
