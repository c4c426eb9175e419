using System.Text.Json;
using HomeService.Audit;
using HomeService.CallCenter.Agents;
using HomeService.EventLog;
using HomeService.Identity;
using Npgsql;

namespace HomeService.CallCenter.Directory;

/// <summary>
/// 班组: teams of seats, each led by a supervisor. Kept here beside the seats that name them, so a seat's team is checked
/// against the same memory the seat is saved from. Every change is an event with the call_team row and an audit line.
/// </summary>
public sealed partial class CallCenterDirectoryGrain
{
    private readonly Dictionary<string, Team> _teams = new();

    public Task<IReadOnlyList<Team>> GetTeams() => Task.FromResult<IReadOnlyList<Team>>(
        _teams.Values.OrderByDescending(t => t.Active).ThenBy(t => t.TeamId, StringComparer.Ordinal).ToList());

    public Task<Team?> GetTeam(string teamId) => Task.FromResult(_teams.GetValueOrDefault(teamId));

    public async Task<CommandResult<Team>> CreateTeam(Team team, string actor)
    {
        var t = Normalize(team) with { Active = true };
        var errors = TeamRules.Validate(t, isNew: true, _teams);
        await CheckSupervisor(t, null, errors);
        return errors.Count > 0 ? CommandResult<Team>.Invalid(errors) : await ApplyTeam(t, null, actor);
    }

    public async Task<CommandResult<Team>> UpdateTeam(Team team, string actor)
    {
        var t = Normalize(team);
        if (!_teams.TryGetValue(t.TeamId, out var current))
            return CommandResult<Team>.Invalid(new Dictionary<string, string[]> { ["teamId"] = ["unknown"] });
        var errors = TeamRules.Validate(t, isNew: false, _teams);
        await CheckSupervisor(t, current, errors);
        if (errors.Count > 0) return CommandResult<Team>.Invalid(errors);
        return t == current ? CommandResult<Team>.Ok(current) : await ApplyTeam(t, current, actor);
    }

    /// <summary>
    /// A new supervisor must be an enabled staff login with the Supervisor role; one who was already the team's keeps it
    /// (a retirement need not wait for the team to find another).
    /// </summary>
    private async Task CheckSupervisor(Team team, Team? current, Dictionary<string, string[]> errors)
    {
        if (errors.ContainsKey("supervisorLogin") || team.SupervisorLogin == current?.SupervisorLogin) return;
        var account = await GrainFactory.GetGrain<IUserAccountGrain>(team.SupervisorLogin!).Get();
        if (account is null) errors["supervisorLogin"] = ["unknown"];
        else if (!account.Roles.Contains(Roles.Supervisor)) errors["supervisorLogin"] = ["not-supervisor"];
        else if (account.Disabled) errors["supervisorLogin"] = ["account-disabled"];
    }

    private async Task<CommandResult<Team>> ApplyTeam(Team team, Team? before, string actor)
    {
        var (eventType, action) = before is null ? ("TeamCreated", "team.create")
            : before.Active && !team.Active ? ("TeamRetired", "team.retire")
            : !before.Active && team.Active ? ("TeamReinstated", "team.reinstate")
            : ("TeamChanged", "team.update");
        var now = clock.GetUtcNow();
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("call_team", team.TeamId, await NextVersion("call_team", team.TeamId), eventType, JsonSerializer.Serialize(team, Json), actor, now),
            new ReadModelWrite("""
                INSERT INTO call_team (id, name, supervisor_login, active, updated_at) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (id) DO UPDATE SET name = $2, supervisor_login = $3, active = $4, updated_at = $5
                """, team.TeamId, team.Name, team.SupervisorLogin, team.Active, now),
            AuditTrail.Row(actor, action, "team", team.TeamId, before, team, now)));
        _teams[team.TeamId] = team;
        return CommandResult<Team>.Ok(team);
    }

    private async Task LoadTeams(NpgsqlConnection conn, CancellationToken ct)
    {
        _teams.Clear();
        await using var cmd = new NpgsqlCommand("SELECT id, name, supervisor_login, active FROM call_team", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            _teams[r.GetString(0)] = new Team(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetBoolean(3));
    }

    private static Team Normalize(Team t) => t with
    {
        TeamId = t.TeamId?.Trim() ?? "", Name = t.Name?.Trim() ?? "",
        SupervisorLogin = string.IsNullOrWhiteSpace(t.SupervisorLogin) ? null : t.SupervisorLogin.Trim().ToLowerInvariant(),
    };
}
