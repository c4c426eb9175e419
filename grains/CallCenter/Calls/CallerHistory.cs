using Npgsql;

namespace HomeService.CallCenter.Calls;

/// <summary>What the center already knows about a caller when the call comes in.</summary>
public sealed record CallerStory(
    MemberSummary? Member,
    IReadOnlyList<OrderSummary> RecentOrders,
    IReadOnlyList<OrderSummary> OpenComplaints,
    IReadOnlyList<PastCall> RecentCalls,
    string? StickyAgentId)
{
    public static readonly CallerStory Unknown = new(null, [], [], [], null);
}

/// <summary>
/// Reads a caller's story from the read tables in one round trip when the call is offered, so routing can use it
/// (VIP priority, the agent who handles the caller's open order) and the pop goes out the moment an agent rings.
/// </summary>
public sealed class CallerHistory(NpgsqlDataSource db)
{
    public async Task<CallerStory> Lookup(string caller, string exceptCallId)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command("SELECT id, name, vip, addresses FROM member WHERE phone = $1", caller));
        batch.BatchCommands.Add(Command("""
            SELECT o.order_no, o.kind, coalesce(c.name_zh, o.category_code, ''), o.status, o.created_at, o.open, o.agent_id
            FROM work_order o LEFT JOIN service_category c ON c.code = o.category_code
            WHERE o.contact_phone = $1 OR o.member_id = (SELECT id FROM member WHERE phone = $1)
            ORDER BY o.created_at DESC LIMIT 20
            """, caller));
        batch.BatchCommands.Add(Command("""
            SELECT call_id, offered_at, status, agent_id, queue_id, end_cause FROM call_record
            WHERE caller = $1 AND call_id <> $2 ORDER BY offered_at DESC LIMIT 5
            """, caller, exceptCallId));
        await using var r = await batch.ExecuteReaderAsync();

        MemberSummary? member = null;
        if (await r.ReadAsync()) member = new MemberSummary(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetFieldValue<string[]>(3));
        await r.NextResultAsync();

        var orders = new List<(OrderSummary Order, bool Open, string? Agent)>();
        while (await r.ReadAsync())
            orders.Add((new OrderSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)),
                r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetString(6)));
        await r.NextResultAsync();

        var calls = new List<PastCall>();
        while (await r.ReadAsync())
            calls.Add(new PastCall(r.GetString(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5)));

        return new CallerStory(
            member,
            orders.Where(o => o.Order.Kind != "complaint").Take(5).Select(o => o.Order).ToList(),
            orders.Where(o => o.Order.Kind == "complaint" && o.Open).Select(o => o.Order).ToList(),
            calls,
            orders.FirstOrDefault(o => o.Open && o.Agent is not null).Agent);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] args)
    {
        var cmd = new NpgsqlBatchCommand(sql);
        foreach (var arg in args) cmd.Parameters.Add(new NpgsqlParameter { Value = arg });
        return cmd;
    }
}
