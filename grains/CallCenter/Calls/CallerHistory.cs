using Npgsql;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// Reads a caller's story from the read tables. A call starts this when it is offered, so by the time an agent's
/// phone rings the story is already in memory and the pop goes out at once. Members, orders and complaints are
/// filled in as their issues land (member center, work orders).
/// </summary>
public sealed class CallerHistory(NpgsqlDataSource db)
{
    public async Task<IReadOnlyList<PastCall>> RecentCalls(string caller, string exceptCallId, int count = 5)
    {
        await using var cmd = db.CreateCommand("""
            SELECT call_id, offered_at, status, agent_id, queue_id, end_cause FROM call_record
            WHERE caller = $1 AND call_id <> $2 ORDER BY offered_at DESC LIMIT $3
            """);
        cmd.Parameters.Add(new() { Value = caller });
        cmd.Parameters.Add(new() { Value = exceptCallId });
        cmd.Parameters.Add(new() { Value = count });
        var calls = new List<PastCall>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            calls.Add(new PastCall(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));
        return calls;
    }
}
