using System.Text.Json;
using HomeService.Audit;
using HomeService.CallCenter.Agents;
using HomeService.EventLog;

namespace HomeService.CallCenter.Directory;

/// <summary>
/// Agent seats as the back office changes them: a version in the event log with the agent row and an audit line, then
/// the seat's grain and its queues hear at once, so a logged-in agent keeps working with the new skills.
/// </summary>
public sealed partial class CallCenterDirectoryGrain
{
    public Task<CommandResult<AgentProfile>> CreateAgent(AgentProfile profile, string actor)
    {
        var seat = Normalize(profile);
        var errors = SeatRules.Validate(seat, isNew: true, _agents, _teams);
        return errors.Count > 0 ? Task.FromResult(CommandResult<AgentProfile>.Invalid(errors)) : ApplySeat(seat, null, actor);
    }

    public Task<CommandResult<AgentProfile>> UpdateAgent(AgentProfile profile, string actor)
    {
        var seat = Normalize(profile);
        if (!_agents.TryGetValue(seat.AgentId, out var current))
            return Task.FromResult(CommandResult<AgentProfile>.Invalid(new Dictionary<string, string[]> { ["agentId"] = ["unknown"] }));
        var errors = SeatRules.Validate(seat, isNew: false, _agents, _teams);
        return errors.Count > 0 ? Task.FromResult(CommandResult<AgentProfile>.Invalid(errors)) : ApplySeat(seat, current, actor);
    }

    private async Task<CommandResult<AgentProfile>> ApplySeat(AgentProfile seat, AgentProfile? before, string actor)
    {
        var version = _agentVersions.GetValueOrDefault(seat.AgentId) + 1;
        var now = clock.GetUtcNow();
        var skills = JsonSerializer.Serialize(seat.Skills);
        var row = before is null
            ? new ReadModelWrite("INSERT INTO agent (id, name, extension, skills, team_id, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)",
                seat.AgentId, seat.Name, seat.Extension, skills, seat.TeamId, now)
            : new ReadModelWrite("UPDATE agent SET name = $2, extension = $3, skills = $4::jsonb, team_id = $5, updated_at = $6 WHERE id = $1",
                seat.AgentId, seat.Name, seat.Extension, skills, seat.TeamId, now);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("agent_profile", seat.AgentId, version, before is null ? "SeatCreated" : "SeatChanged", JsonSerializer.Serialize(seat, Json), actor, now),
            row, AuditTrail.Row(actor, before is null ? "seat.create" : "seat.update", "seat", seat.AgentId, before, seat, now)));
        _agentVersions[seat.AgentId] = version;
        _agents[seat.AgentId] = seat;
        if (before is not null) await GrainFactory.GetGrain<IAgentGrain>(seat.AgentId).ProfileChanged(seat, QueuesOf(seat));
        return CommandResult<AgentProfile>.Ok(seat);
    }

    private static AgentProfile Normalize(AgentProfile p) => p with
    {
        AgentId = p.AgentId?.Trim() ?? "", Name = p.Name?.Trim() ?? "", Extension = p.Extension?.Trim() ?? "",
        Skills = (p.Skills ?? new Dictionary<string, int>()).ToDictionary(s => s.Key.Trim(), s => s.Value),
        TeamId = string.IsNullOrWhiteSpace(p.TeamId) ? null : p.TeamId.Trim(),
    };
}
