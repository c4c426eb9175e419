using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// Orders and ratings for the merchant (服务订单及评定查询): its service orders with status and rating, and the figures a
/// merchant is judged by over a period. Callers pass the merchant id from the user's claims only. The resident's phone
/// and address are masked: a merchant looking back at finished work has no need for them.
/// </summary>
public sealed class MerchantOrderReport(NpgsqlDataSource db)
{
    public const int PageSize = 50;

    public sealed record Filter(string MerchantId, DateTimeOffset From, DateTimeOffset To, string? Status, string? Category, string? Rating, int Page);

    public sealed record Row(string OrderNo, string? Category, string Status, string? District, string Phone, string? Address, string? WorkerId,
        string? WorkerName, DateTimeOffset? WindowStart, DateTimeOffset? CompletedAt, int? Score, DateTimeOffset CreatedAt);

    /// <summary>
    /// Offered/accepted: distinct orders offered to and accepted by the merchant in the period. Completion rate: completed
    /// ÷ accepted orders that have ended (completed, handed back, or could not be done); orders still under way and
    /// resident cancellations do not count. Second-dispatch rate (二次派单率): offered orders that had to be dispatched
    /// again because of this merchant (refused, let time out, or handed back after accepting) ÷ offered.
    /// </summary>
    public sealed record Summary(DateTimeOffset From, DateTimeOffset To, int Offered, int Accepted, int Completed, double? CompletionRate,
        int Ratings, double? AverageRating, int Complaints, int ComplaintsUpheld, int Redispatched, double? SecondDispatchRate);

    public static readonly IReadOnlySet<string> Ratings = new HashSet<string> { "rated", "unrated", "good", "neutral", "bad" };

    public async Task<IReadOnlyList<Row>> Orders(Filter f)
    {
        var where = new List<string> { "o.merchant_id = $1", "o.kind = 'service'", "o.created_at >= $2", "o.created_at < $3" };
        var args = new List<object> { f.MerchantId, f.From.ToUniversalTime(), f.To.ToUniversalTime() };
        if (f.Status is { } status) { args.Add(status); where.Add($"o.status = ${args.Count}"); }
        if (f.Category is { } category) { args.Add(category); where.Add($"o.category_code = ${args.Count}"); }
        where.Add(f.Rating switch
        {
            "rated" => "o.score IS NOT NULL",
            "unrated" => "o.score IS NULL",
            "good" => "o.score >= 4",
            "neutral" => "o.score = 3",
            "bad" => "o.score <= 2",
            _ => "true",
        });
        await using var cmd = db.CreateCommand($"""
            SELECT o.order_no, o.category_code, o.status, o.district, o.contact_phone, o.address, o.worker_id, w.name, o.window_start, o.completed_at,
                   o.score, o.created_at
            FROM work_order o LEFT JOIN worker w ON w.id = o.worker_id
            WHERE {string.Join(" AND ", where)} ORDER BY o.created_at DESC, o.order_no LIMIT {PageSize} OFFSET {Math.Max(0, f.Page - 1) * PageSize}
            """);
        foreach (var a in args) cmd.Parameters.Add(new() { Value = a });
        var rows = new List<Row>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new Row(r.GetString(0), Text(r, 1), r.GetString(2), Text(r, 3), PersonalData.MaskPhone(r.GetString(4)), PersonalData.MaskAddress(Text(r, 5)),
                Text(r, 6), Text(r, 7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
                r.IsDBNull(10) ? null : r.GetInt32(10), r.GetFieldValue<DateTimeOffset>(11)));
        return rows;
    }

    public async Task<Summary> Figures(string merchantId, DateTimeOffset from, DateTimeOffset to)
    {
        await using var cmd = db.CreateCommand("""
            WITH offers AS (
                SELECT order_no, bool_or(answer = 'accepted' AND answered_at >= $2 AND answered_at < $3) AS accepted,
                       bool_or(answer IN ('refused', 'timeout')) AS declined
                FROM dispatch_decision WHERE chosen = $1 AND decided_at >= $2 AND decided_at < $3 GROUP BY order_no),
            judged AS (
                SELECT f.order_no, f.accepted, f.declined, o.merchant_id = $1 AS kept, o.completed_at IS NOT NULL AS completed, o.status
                FROM offers f JOIN work_order o USING (order_no))
            SELECT (SELECT count(*) FROM judged)::int,
                   count(*) FILTER (WHERE accepted)::int,
                   count(*) FILTER (WHERE accepted AND kept AND completed)::int,
                   count(*) FILTER (WHERE accepted AND (NOT kept OR status = 'CannotComplete'))::int,
                   count(*) FILTER (WHERE declined OR (accepted AND NOT kept))::int,
                   (SELECT count(score) FROM work_order WHERE merchant_id = $1 AND completed_at >= $2 AND completed_at < $3)::int,
                   (SELECT avg(score)::float8 FROM work_order WHERE merchant_id = $1 AND completed_at >= $2 AND completed_at < $3),
                   (SELECT count(*) FROM work_order WHERE against_merchant_id = $1 AND created_at >= $2 AND created_at < $3)::int,
                   (SELECT count(*) FILTER (WHERE upheld) FROM work_order WHERE against_merchant_id = $1 AND created_at >= $2 AND created_at < $3)::int
            FROM judged
            """);
        cmd.Parameters.Add(new() { Value = merchantId });
        cmd.Parameters.Add(new() { Value = from.ToUniversalTime() }); // PostgreSQL takes timestamptz parameters in UTC only
        cmd.Parameters.Add(new() { Value = to.ToUniversalTime() });
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        var (offered, accepted, completed, failed, redispatched) = (r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4));
        return new Summary(from, to, offered, accepted, completed, Rate(completed, completed + failed), r.GetInt32(5),
            r.IsDBNull(6) ? null : Math.Round(r.GetDouble(6), 2), r.GetInt32(7), r.GetInt32(8), redispatched, Rate(redispatched, offered));
    }

    private static double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
