namespace HomeService.CallCenter.Agents;

/// <summary>
/// What a team (班组) must be: a permanent short id (T1, east-2), a name no other team has, and a supervisor; and what a
/// seat or an account may name as its team.
/// </summary>
public static class TeamRules
{
    public const int MaxName = 30;

    public static Dictionary<string, string[]> Validate(Team team, bool isNew, IReadOnlyDictionary<string, Team> teams)
    {
        var errors = new Dictionary<string, string[]>();
        if (isNew)
        {
            if (string.IsNullOrEmpty(team.TeamId)) errors["teamId"] = ["required"];
            else if (team.TeamId.Length > 16 || !team.TeamId.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') || team.TeamId[0] == '-')
                errors["teamId"] = ["team-id-format"];
            else if (teams.ContainsKey(team.TeamId)) errors["teamId"] = ["exists"];
        }
        if (string.IsNullOrEmpty(team.Name)) errors["name"] = ["required"];
        else if (team.Name.Length > MaxName) errors["name"] = [$"max_length:{MaxName}"];
        else if (team.Name.Any(char.IsControl)) errors["name"] = ["character"];
        else if (teams.Values.Any(t => t.TeamId != team.TeamId && t.Name == team.Name)) errors["name"] = ["exists"];
        // Every working team has a supervisor; a team typed freely before teams were records may be retired without one.
        if (string.IsNullOrEmpty(team.SupervisorLogin)) { if (team.Active) errors["supervisorLogin"] = ["required"]; }
        else if (team.SupervisorLogin.Length > 64 || team.SupervisorLogin.Any(char.IsControl)) errors["supervisorLogin"] = ["unknown"];
        return errors;
    }

    /// <summary>
    /// The field error for naming <paramref name="teamId"/> as a seat's or account's team, or null if it may: it must exist and
    /// be active, unless it is already the team named (a retired team's members keep it until they move).
    /// </summary>
    public static string? MembershipProblem(string? teamId, string? currentTeamId, Team? team) =>
        teamId is null || teamId == currentTeamId ? null
        : team is null ? "unknown"
        : !team.Active ? "retired"
        : null;
}
