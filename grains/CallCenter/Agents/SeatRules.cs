namespace HomeService.CallCenter.Agents;

/// <summary>
/// What an agent seat (座席) must be: a permanent id (工号, e.g. A001), a name, a unique extension the switch rings, and
/// skills with a proficiency of 1 to 5 that decide which queues it serves, and optionally a team (班组) that exists.
/// </summary>
public static class SeatRules
{
    public static Dictionary<string, string[]> Validate(AgentProfile seat, bool isNew, IReadOnlyDictionary<string, AgentProfile> existing,
        IReadOnlyDictionary<string, Team> teams)
    {
        var errors = new Dictionary<string, string[]>();
        if (isNew)
        {
            if (string.IsNullOrWhiteSpace(seat.AgentId)) errors["agentId"] = ["required"];
            else if (seat.AgentId.Length is < 2 or > 16 || !seat.AgentId.All(char.IsAsciiLetterOrDigit)) errors["agentId"] = ["seat-id-format"];
            else if (existing.ContainsKey(seat.AgentId)) errors["agentId"] = ["exists"];
        }
        if (string.IsNullOrWhiteSpace(seat.Name)) errors["name"] = ["required"];
        else if (seat.Name.Trim().Length > 30) errors["name"] = ["max_length:30"];
        else if (seat.Name.Any(char.IsControl)) errors["name"] = ["character"];
        if (string.IsNullOrWhiteSpace(seat.Extension)) errors["extension"] = ["required"];
        else if (seat.Extension.Length is < 2 or > 12 || !seat.Extension.All(char.IsAsciiDigit)) errors["extension"] = ["extension-format"];
        else if (existing.Values.Any(a => a.Extension == seat.Extension && a.AgentId != seat.AgentId)) errors["extension"] = ["exists"];
        if (seat.Skills.Count == 0) errors["skills"] = ["required"];
        else if (seat.Skills.Count > 10) errors["skills"] = ["max_count:10"];
        else if (seat.Skills.Any(s => s.Key.Length is 0 or > 32 || !s.Key.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
            errors["skills"] = ["skill-format"];
        else if (seat.Skills.Any(s => s.Value is < 1 or > 5)) errors["skills"] = ["range:1-5"];
        var current = isNew ? null : existing.GetValueOrDefault(seat.AgentId)?.TeamId;
        if (TeamRules.MembershipProblem(seat.TeamId, current, seat.TeamId is null ? null : teams.GetValueOrDefault(seat.TeamId)) is { } team)
            errors["teamId"] = [team];
        return errors;
    }
}
