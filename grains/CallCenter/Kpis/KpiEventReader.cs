using Npgsql;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Reads the call and agent events a KPI range needs from event_log: every event of each call that has an event in
/// the range (so a call queued before the range and ended in it, or queued in it and answered later, is whole), each
/// agent's last event before the range (their status at its start) and the agents' events from the range's start
/// until <c>agentsUntil</c> (a leg's wrap-up may end after the range).
/// </summary>
public sealed class KpiEventReader(NpgsqlDataSource db)
{
    private const string CallEvents = """
        SELECT aggregate_type, aggregate_id, version, event_type, payload::text, occurred_at FROM event_log
        WHERE aggregate_type = 'call' AND aggregate_id IN (
            SELECT DISTINCT aggregate_id FROM event_log WHERE aggregate_type = 'call' AND occurred_at >= $1 AND occurred_at < $2)
        ORDER BY aggregate_id, version
        """;

    private const string AgentEvents = """
        SELECT 'agent', l.aggregate_id, l.version, l.event_type, l.payload::text, l.occurred_at FROM agent a
        CROSS JOIN LATERAL (
            SELECT aggregate_id, version, event_type, payload, occurred_at FROM event_log e
            WHERE e.aggregate_type = 'agent' AND e.aggregate_id = a.id AND e.occurred_at < $1
            ORDER BY e.version DESC LIMIT 1) l
        UNION ALL
        SELECT aggregate_type, aggregate_id, version, event_type, payload::text, occurred_at FROM event_log
        WHERE aggregate_type = 'agent' AND occurred_at >= $1 AND occurred_at < $2
        ORDER BY 2, 3
        """;

    public async Task<CallFactsBuilder> Facts(DateTimeOffset from, DateTimeOffset to, DateTimeOffset agentsUntil, CancellationToken ct = default)
    {
        var facts = new CallFactsBuilder();
        await Read(CallEvents, from, to, facts, ct);
        await Read(AgentEvents, from, agentsUntil, facts, ct);
        return facts;
    }

    /// <summary>The log's position now: events after it are newer than anything read so far.</summary>
    public async Task<long> Position(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("SELECT coalesce(max(seq), 0) FROM event_log");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Call and agent events after a log position, in log order, with the position of the last one read.</summary>
    public async Task<(List<KpiEvent> Events, long Position)> After(long position, CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("""
            SELECT aggregate_type, aggregate_id, version, event_type, payload::text, occurred_at, seq FROM event_log
            WHERE seq > $1 AND aggregate_type IN ('call', 'agent') ORDER BY seq
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = position });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var events = new List<KpiEvent>();
        var last = position;
        while (await reader.ReadAsync(ct))
        {
            events.Add(new KpiEvent(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
            last = reader.GetInt64(6);
        }
        return (events, last);
    }

    public async Task<Dictionary<string, ServiceLevelThreshold>> Thresholds(CancellationToken ct = default)
    {
        await using var cmd = db.CreateCommand("SELECT queue_id, within_seconds, target_percent FROM queue_service_level");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var map = new Dictionary<string, ServiceLevelThreshold>();
        while (await reader.ReadAsync(ct)) map[reader.GetString(0)] = new ServiceLevelThreshold(reader.GetInt32(1), reader.GetInt32(2));
        return map;
    }

    private async Task Read(string sql, DateTimeOffset from, DateTimeOffset to, CallFactsBuilder facts, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime });
        cmd.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            facts.Add(new KpiEvent(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTimeOffset>(5)));
    }
}
