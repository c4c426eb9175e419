using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// The agent console's three work queues (manual dispatch, follow-ups, complaint desk), each row with the names an agent
/// reads instead of codes. The order lists (/api/orders, /api/follow-ups) lack some of these columns (attempts, completion
/// time, severity, the merchant complained about), so the console reads its own shape here.
/// </summary>
public sealed class WorkQueueReader(NpgsqlDataSource db)
{
    public sealed record ManualDispatchRow(string OrderNo, string? Category, string? CategoryZh, string? CategoryEn, string? District,
        int Attempts, DateTimeOffset CreatedAt, DateTimeOffset? WindowStart);

    public sealed record FollowUpRow(string OrderNo, string? Category, string? CategoryZh, string? CategoryEn, string? MerchantId, string? MerchantName,
        string? WorkerId, string? WorkerName, DateTimeOffset? CompletedAt, string? ContactName, string ContactPhone, int Unreachable);

    public sealed record ComplaintRow(string OrderNo, string Status, string? Severity, string? RelatedOrderNo, string? AgainstMerchantId,
        string? AgainstMerchantName, string? Party, string? PartyName, DateTimeOffset CreatedAt);

    /// <summary>
    /// A merchant the agent may pick for a manual dispatch. Refused: it turned this order down before (allowed by hand).
    /// Eligible: dispatch's rules would offer it the order; otherwise Why says which rule it breaks, in words, and Allowed
    /// whether it may still be chosen (any active merchant, with a reason that is audited). SameCategory: it offers the service.
    /// </summary>
    public sealed record Candidate(string MerchantId, string Name, double? Score, bool Refused, bool Eligible = true, bool Allowed = true,
        string? Why = null, bool SameCategory = true, bool Honoured = false);

    public sealed record MerchantName(string Id, string Name);

    private const string CategoryNames = "LEFT JOIN service_category c ON c.code = w.category_code";

    public async Task<IReadOnlyList<ManualDispatchRow>> ManualDispatch()
    {
        await using var cmd = db.CreateCommand($"""
            SELECT w.order_no, w.category_code, c.name_zh, c.name_en, w.district, w.offer_attempts, w.created_at, w.window_start
            FROM work_order w {CategoryNames}
            WHERE w.kind = 'service' AND w.status = 'ManualDispatch' AND w.open ORDER BY w.created_at LIMIT 200
            """);
        var rows = new List<ManualDispatchRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new ManualDispatchRow(r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), r.GetInt32(5),
                r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7)));
        return rows;
    }

    /// <summary>Orders whose follow-up visit is due, oldest completion first; with how often the customer could not be reached.</summary>
    public async Task<IReadOnlyList<FollowUpRow>> FollowUps()
    {
        await using var cmd = db.CreateCommand($"""
            SELECT w.order_no, w.category_code, c.name_zh, c.name_en, w.merchant_id, m.name, w.worker_id, k.name, w.completed_at,
                w.contact_name, w.contact_phone,
                (SELECT count(*) FROM event_log e WHERE e.aggregate_type = 'work_order' AND e.aggregate_id = w.order_no
                    AND e.event_type = 'FollowUpRecorded' AND (e.payload->>'unreachable')::boolean)::int
            FROM work_order w {CategoryNames}
            LEFT JOIN merchant m ON m.id = w.merchant_id
            LEFT JOIN worker k ON k.id = w.worker_id
            WHERE w.status = 'FollowUpDue' AND w.open ORDER BY w.completed_at, w.order_no LIMIT 200
            """);
        var rows = new List<FollowUpRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new FollowUpRow(r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7),
                r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), Text(r, 9), r.GetString(10), r.GetInt32(11)));
        return rows;
    }

    /// <summary>
    /// Open complaints, newest first. Severity and the merchant complained about are in the complaint's registration event,
    /// the party it is assigned to in its latest assignment; complaints imported without events fall back to the read row.
    /// </summary>
    public async Task<IReadOnlyList<ComplaintRow>> Complaints()
    {
        await using var cmd = db.CreateCommand("""
            SELECT w.order_no, w.status, reg.payload->>'severity', w.related_order_no, reg.payload->>'againstMerchantId', am.name,
                COALESCE(assigned.party, 'merchant:' || w.merchant_id), w.created_at, d.name_zh, d.name_en
            FROM work_order w
            LEFT JOIN LATERAL (SELECT payload FROM event_log e WHERE e.aggregate_type = 'work_order' AND e.aggregate_id = w.order_no
                AND e.event_type = 'ComplaintRegistered' ORDER BY e.version LIMIT 1) reg ON true
            LEFT JOIN LATERAL (SELECT e.payload->>'party' AS party FROM event_log e WHERE e.aggregate_type = 'work_order'
                AND e.aggregate_id = w.order_no AND e.event_type = 'ComplaintAssigned' ORDER BY e.version DESC LIMIT 1) assigned ON true
            LEFT JOIN merchant am ON am.id = reg.payload->>'againstMerchantId'
            LEFT JOIN department d ON 'department:' || d.code = assigned.party
            WHERE w.kind = 'complaint' AND w.open ORDER BY w.created_at DESC, w.order_no LIMIT 200
            """);
        var rows = new List<ComplaintRow>();
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
                // A department reads as its name in the reader's language, retired or not, so old complaints keep it.
                rows.Add(new ComplaintRow(r.GetString(0), r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6),
                    Text(r, UiText.IsEnglish ? 9 : 8), r.GetFieldValue<DateTimeOffset>(7)));
        }
        // A merchant party reads as the company's name.
        var names = (await Merchants()).ToDictionary(m => m.Id, m => m.Name);
        return rows.Select(c => c.Party is { } p && p.StartsWith("merchant:") && names.TryGetValue(p["merchant:".Length..], out var n)
            ? c with { PartyName = n } : c).ToList();
    }

    /// <summary>The order's manual dispatch choices (from its grain) with the merchants' names and each rule broken in words.</summary>
    public async Task<IReadOnlyList<Candidate>> Candidates(IReadOnlyList<ManualDispatchChoice> choices, UiText text)
    {
        var names = (await Merchants()).ToDictionary(m => m.Id, m => m.Name);
        return choices.Select(c => new Candidate(c.MerchantId, names.GetValueOrDefault(c.MerchantId, c.MerchantId), c.Score,
            c.Why == "refused-this-order", c.Eligible, c.Allowed, c.Eligible ? null : NotEligibleBecause(c.Why, text), c.SameCategory,
            c.Honoured)).ToList();
    }

    /// <summary>A dispatch rule code (status:Suspended, category:x, district:y, at-capacity:3/3) as a dispatcher reads it.</summary>
    public static string NotEligibleBecause(string? why, UiText text)
    {
        var parts = (why ?? "").Split(':', 2);
        var detail = parts.Length == 2 ? parts[1] : "";
        return parts[0] switch
        {
            "status" when detail == "Suspended" => text["dispatch.why.suspended"],
            "status" => text["dispatch.why.inactive"],
            "category" => text["dispatch.why.category"],
            "district" => text.Format("dispatch.why.district", detail),
            "at-capacity" => text.Format("dispatch.why.capacity", detail),
            "refused-this-order" => text["queue.dispatch.refused_before"],
            _ => text["dispatch.why.other"],
        };
    }

    /// <summary>Every merchant by name, for assigning a complaint to one.</summary>
    public async Task<IReadOnlyList<MerchantName>> Merchants()
    {
        await using var cmd = db.CreateCommand("SELECT id, name FROM merchant ORDER BY id");
        var merchants = new List<MerchantName>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) merchants.Add(new MerchantName(r.GetString(0), r.GetString(1)));
        return merchants;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
