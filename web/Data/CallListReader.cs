using System.Text.Json;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>Call lists and routing audits from the read tables.</summary>
public sealed class CallListReader(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public sealed record CallRow(string CallId, string Caller, string Status, string? QueueId, DateTimeOffset OfferedAt,
        DateTimeOffset? AnsweredAt, DateTimeOffset? EndedAt, string? EndCause);

    public sealed record RoutingRow(DateTimeOffset DecidedAt, string QueueId, string Strategy, long WaitedMs,
        JsonElement Candidates, IReadOnlyList<string> Chosen, JsonElement Skipped);

    /// <summary>The agent's calls since midnight in Asia/Shanghai, newest first.</summary>
    public async Task<IReadOnlyList<CallRow>> Today(string agentId)
    {
        var local = clock.GetUtcNow().ToOffset(China);
        var midnight = new DateTimeOffset(local.Date, China);
        await using var cmd = db.CreateCommand("""
            SELECT call_id, caller, status, queue_id, offered_at, answered_at, ended_at, end_cause FROM call_record
            WHERE agent_id = $1 AND offered_at >= $2 ORDER BY offered_at DESC LIMIT 200
            """);
        cmd.Parameters.Add(new() { Value = agentId });
        cmd.Parameters.Add(new() { Value = midnight.ToUniversalTime() });
        var rows = new List<CallRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new CallRow(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetString(7)));
        return rows;
    }

    public async Task<IReadOnlyList<RoutingRow>> RoutingDecisions(string callId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT decided_at, queue_id, strategy, waited_ms, candidates::text, chosen, skipped::text FROM routing_decision
            WHERE call_id = $1 ORDER BY decided_at, id
            """);
        cmd.Parameters.Add(new() { Value = callId });
        var rows = new List<RoutingRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new RoutingRow(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetInt64(3),
                JsonDocument.Parse(r.GetString(4)).RootElement.Clone(), r.GetFieldValue<string[]>(5), JsonDocument.Parse(r.GetString(6)).RootElement.Clone()));
        return rows;
    }
}
