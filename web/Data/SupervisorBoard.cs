using HomeService.CallCenter;
using HomeService.Web.Localization;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// The supervisor seat's wallboard (班长席): every queue (waiting calls, longest wait, its agents by status) and every
/// agent (status, time in it, current call and who supervises it), read from the grains, the live truth. The page
/// renders it on the server first; the page's script asks for it again after a reconnect and when an agent's call changes.
/// </summary>
public sealed class SupervisorBoard(IGrainFactory grains)
{
    public sealed record QueueRow(string QueueId, string Name, int Waiting, int LongestWaitSeconds, int AgentsAvailable, int AgentsStaffed,
        IReadOnlyDictionary<string, int> AgentsByStatus);

    /// <summary>Caller is masked: the wallboard has no need for the whole number.</summary>
    public sealed record CallRow(string CallId, string Caller, CallStatus Status, string? QueueId, DateTimeOffset? AnsweredAt,
        IReadOnlyList<SupervisorOnCall> Supervisors, int Parties, long Version);

    public sealed record AgentRow(string AgentId, string Name, string Extension, AgentStatus Status, string? NotReadyReason,
        DateTimeOffset StatusSince, string? CallId, CallRow? Call, long Version);

    public sealed record Snapshot(IReadOnlyList<QueueRow> Queues, IReadOnlyList<AgentRow> Agents, DateTimeOffset At);

    public async Task<Snapshot> Read(DateTimeOffset now)
    {
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        var queues = await directory.GetQueues();
        var profiles = await directory.GetAgents();
        var agents = await Task.WhenAll(profiles.Select(p => grains.GetGrain<IAgentGrain>(p.AgentId).Get()));
        var views = await Task.WhenAll(queues.Select(q => grains.GetGrain<IQueueGrain>(q.QueueId).GetView()));

        var rows = new List<AgentRow>();
        foreach (var (profile, agent) in profiles.Zip(agents))
            rows.Add(new AgentRow(agent.AgentId, profile.Name, profile.Extension, agent.Status, agent.NotReadyReason, agent.StatusSince,
                agent.CallId, agent.CallId is { } callId && agent.Status == AgentStatus.OnCall ? await Call(callId) : null, agent.Version));

        var queueRows = queues.Zip(views).Select(pair =>
        {
            var (config, view) = pair;
            var members = profiles.Zip(agents).Where(a => a.First.Skills.Keys.Any(config.Skills.Contains)).Select(a => a.Second);
            return new QueueRow(config.QueueId, UiText.IsEnglish ? config.NameEn : config.NameZh, view.Waiting, view.LongestWaitSeconds,
                view.AgentsAvailable, view.AgentsStaffed,
                members.GroupBy(a => a.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()));
        }).ToList();
        return new Snapshot(queueRows, rows, now);
    }

    public async Task<CallRow?> Call(string callId)
    {
        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        if (call.Version == 0 || call.Status == CallStatus.Ended) return null;
        var supervision = await grains.GetGrain<ICallSupervisionGrain>(callId).GetSupervision();
        return new CallRow(call.CallId, PersonalData.MaskPhone(call.Caller), call.Status, call.QueueId, call.AnsweredAt,
            supervision.Supervisors, supervision.Parties, Math.Max(call.Version, supervision.Version));
    }
}

/// <summary>The supervisor audit trail, newest first.</summary>
public sealed class SupervisorAuditReader(NpgsqlDataSource db)
{
    public sealed record AuditRow(long Id, DateTimeOffset At, string Supervisor, string? SupervisorName, string Action, string? TargetAgent,
        string? TargetAgentName, string? CallId, string? Reason);

    public async Task<IReadOnlyList<AuditRow>> Latest(string? agentId, string? callId, int limit)
    {
        await using var cmd = db.CreateCommand("""
            SELECT a.id, a.at, a.supervisor, u.display_name, a.action, a.target_agent, g.name, a.call_id, a.reason
            FROM supervisor_audit a
            LEFT JOIN app_user u ON u.login = a.supervisor
            LEFT JOIN agent g ON g.id = a.target_agent
            WHERE ($1::text IS NULL OR a.target_agent = $1) AND ($2::text IS NULL OR a.call_id = $2)
            ORDER BY a.id DESC LIMIT $3
            """);
        cmd.Parameters.Add(new() { Value = (object?)agentId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = (object?)callId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new() { Value = limit });
        var rows = new List<AuditRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new AuditRow(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), Text(r, 3), r.GetString(4), Text(r, 5),
                Text(r, 6), Text(r, 7), Text(r, 8)));
        return rows;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
