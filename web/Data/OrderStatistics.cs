using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// Work-order statistics for supervisors and reports, read from the <c>work_order</c> table in one round trip
/// (a batch of three statements: grouped counts, headline figures, daily series).
/// </summary>
/// <remarks>
/// Every figure covers the orders <em>created</em> in [From, To) that match the other filters, except the daily
/// "completed" column (see <see cref="Day"/>). Figures about dispatch, completion, rating and complaints concern
/// service orders only, so a kind filter other than "service" leaves them empty (zero counts, null averages).
/// </remarks>
public sealed class OrderStatistics(NpgsqlDataSource db)
{
    /// <summary>China has kept one offset all year since 1991; days and charts are in Asia/Shanghai.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static readonly string[] Kinds = ["service", "consultation", "complaint", "suggestion"];

    /// <param name="From">Inclusive lower bound on created_at.</param>
    /// <param name="To">Exclusive upper bound on created_at.</param>
    public sealed record Filter(DateTimeOffset From, DateTimeOffset To, string? Kind = null, string? Category = null, string? MerchantId = null,
        string? District = null, string? Channel = null)
    {
        /// <summary>The last <paramref name="days"/> days in Asia/Shanghai, today included.</summary>
        public static Filter LastDays(DateTimeOffset now, int days = 30)
        {
            var tomorrow = new DateTimeOffset(now.ToOffset(China).Date.AddDays(1), China);
            return new Filter(tomorrow.AddDays(-days), tomorrow);
        }
    }

    /// <summary>One group of a breakdown; a null key is "not set" (no merchant yet, no district recorded).</summary>
    public sealed record Group(string? Key, long Count);

    public sealed record Breakdown(IReadOnlyList<Group> Kind, IReadOnlyList<Group> Status, IReadOnlyList<Group> Category,
        IReadOnlyList<Group> Merchant, IReadOnlyList<Group> District);

    /// <summary>How long something took, over the orders where both ends are known; null figures when there are none.</summary>
    public sealed record Duration(long Count, double? AverageSeconds, double? P50Seconds, double? P90Seconds);

    /// <summary>Offered service orders, and those offered more than once (refused, timed out or dispatched again by hand).</summary>
    public sealed record SecondDispatch(long Offered, long Redispatched, double? Rate);

    /// <summary>Follow-up ratings (1–5) of service orders; <see cref="Scores"/> always has the five scores, in order.</summary>
    public sealed record Satisfaction(long Rated, double? Average, IReadOnlyList<Group> Scores);

    /// <summary>
    /// Complaint rate = <see cref="Complaints"/> / <see cref="Completed"/>. <see cref="Complaints"/> counts complaint
    /// orders (created at any time, so a late complaint still counts) whose related order is a service order in the
    /// filtered set; two complaints about one order count twice. <see cref="Completed"/> counts service orders in the
    /// filtered set that have been completed (completed_at set), whatever happened after. Null when nothing was completed.
    /// </summary>
    public sealed record ComplaintRate(long Complaints, long Completed, double? Rate);

    /// <summary>
    /// A day in Asia/Shanghai: orders created that day, and orders completed that day (by completed_at, whatever their
    /// creation day, with the same non-date filters) so the chart shows the work done each day. Every day of the range
    /// is present, zeros included.
    /// </summary>
    public sealed record Day(DateOnly Date, long Created, long Completed);

    public sealed record Report(DateTimeOffset From, DateTimeOffset To, long Total, Breakdown Counts, Duration DispatchToAccept,
        SecondDispatch SecondDispatch, Duration Completion, Satisfaction Satisfaction, ComplaintRate ComplaintRate, IReadOnlyList<Day> Daily);

    public async Task<Report> Query(Filter f)
    {
        var (where, args) = Where(f, "created_at");
        var (completedWhere, _) = Where(f, "completed_at");
        await using var conn = await db.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(conn);
        batch.BatchCommands.Add(Command(GroupedSql(where), args));
        batch.BatchCommands.Add(Command(FiguresSql(where), args));
        batch.BatchCommands.Add(Command(DailySql(where, completedWhere), args));
        await using var r = await batch.ExecuteReaderAsync();

        var groups = new Dictionary<string, List<Group>>();
        while (await r.ReadAsync())
        {
            var dimension = r.GetString(0);
            if (!groups.TryGetValue(dimension, out var list)) groups[dimension] = list = [];
            list.Add(new Group(r.IsDBNull(1) ? null : r.GetString(1), r.GetInt64(2)));
        }
        IReadOnlyList<Group> Of(string dimension) => groups.GetValueOrDefault(dimension) ?? [];
        var counts = new Breakdown(Of("kind"), Of("status"), Of("category"), Of("merchant"), Of("district"));

        await r.NextResultAsync();
        await r.ReadAsync(); // aggregates without GROUP BY always return one row
        long L(int i) => r.GetInt64(i);
        double? D(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
        var total = L(0);
        var accept = new Duration(L(1), D(2), D(3), D(4));
        var completion = new Duration(L(5), D(6), D(7), D(8));
        var second = new SecondDispatch(L(9), L(10), Ratio(L(10), L(9)));
        var satisfaction = new Satisfaction(L(11), D(12), [.. Enumerable.Range(1, 5).Select(s => new Group(s.ToString(), L(12 + s)))]);
        var complaints = new ComplaintRate(L(18), L(5), Ratio(L(18), L(5)));

        await r.NextResultAsync();
        var daily = new List<Day>();
        while (await r.ReadAsync()) daily.Add(new Day(r.GetFieldValue<DateOnly>(0), r.GetInt64(1), r.GetInt64(2)));

        return new Report(f.From, f.To, total, counts, accept, second, completion, satisfaction, complaints, daily);
    }

    private static double? Ratio(long part, long whole) => whole == 0 ? null : (double)part / whole;

    // One pass over the filtered rows with GROUPING SETS; the first column names the breakdown a row belongs to.
    private static string GroupedSql(string where) => $"""
        SELECT CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(status) = 0 THEN 'status'
                    WHEN GROUPING(category_code) = 0 THEN 'category' WHEN GROUPING(merchant_id) = 0 THEN 'merchant' ELSE 'district' END,
               COALESCE(kind, status, category_code, merchant_id, district), count(*)
        FROM work_order WHERE {where}
        GROUP BY GROUPING SETS ((kind), (status), (category_code), (merchant_id), (district))
        ORDER BY 1, 3 DESC, 2
        """;

    // Durations are null unless both ends are known, and avg/percentile_cont/count(expr) skip nulls, so no FILTER is needed for them.
    private static string FiguresSql(string where) => $"""
        WITH f AS (SELECT * FROM work_order WHERE {where}),
        s AS (SELECT order_no, offer_attempts, first_offered_at, score,
                     extract(epoch FROM accepted_at - first_offered_at)::float8 AS accept_s,
                     extract(epoch FROM completed_at - created_at)::float8 AS complete_s
              FROM f WHERE kind = 'service')
        SELECT (SELECT count(*) FROM f),
               count(accept_s), avg(accept_s),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY accept_s), percentile_cont(0.9) WITHIN GROUP (ORDER BY accept_s),
               count(complete_s), avg(complete_s),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY complete_s), percentile_cont(0.9) WITHIN GROUP (ORDER BY complete_s),
               count(*) FILTER (WHERE first_offered_at IS NOT NULL),
               count(*) FILTER (WHERE first_offered_at IS NOT NULL AND offer_attempts > 1),
               count(score), avg(score)::float8,
               count(*) FILTER (WHERE score = 1), count(*) FILTER (WHERE score = 2), count(*) FILTER (WHERE score = 3),
               count(*) FILTER (WHERE score = 4), count(*) FILTER (WHERE score = 5),
               (SELECT count(*) FROM work_order c WHERE c.kind = 'complaint' AND c.related_order_no IN (SELECT order_no FROM s))
        FROM s
        """;

    // Every Shanghai day the range touches, with creations and completions left-joined so empty days show zeros.
    private static string DailySql(string createdWhere, string completedWhere) => $"""
        WITH days AS (
            SELECT d::date AS day FROM generate_series(date_trunc('day', $1 AT TIME ZONE 'Asia/Shanghai'),
                ($2 - interval '1 microsecond') AT TIME ZONE 'Asia/Shanghai', interval '1 day') d),
        created AS (SELECT (created_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n FROM work_order WHERE {createdWhere} GROUP BY 1),
        completed AS (SELECT (completed_at AT TIME ZONE 'Asia/Shanghai')::date AS day, count(*) AS n FROM work_order WHERE {completedWhere} GROUP BY 1)
        SELECT days.day, COALESCE(created.n, 0), COALESCE(completed.n, 0)
        FROM days LEFT JOIN created USING (day) LEFT JOIN completed USING (day)
        ORDER BY days.day
        """;

    /// <summary>The filter as SQL; $1 and $2 are always the range, applied to <paramref name="dateColumn"/>.</summary>
    private static (string Where, List<object> Args) Where(Filter f, string dateColumn)
    {
        var args = new List<object> { f.From.ToUniversalTime(), f.To.ToUniversalTime() };
        var clauses = new List<string> { $"{dateColumn} >= $1", $"{dateColumn} < $2" };
        void Add(string column, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            args.Add(value);
            clauses.Add($"{column} = ${args.Count}");
        }
        Add("kind", f.Kind?.ToLowerInvariant());
        Add("category_code", f.Category);
        Add("merchant_id", f.MerchantId);
        Add("district", f.District);
        Add("channel", f.Channel);
        return (string.Join(" AND ", clauses), args);
    }

    private static NpgsqlBatchCommand Command(string sql, List<object> args)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var a in args) command.Parameters.Add(new NpgsqlParameter { Value = a });
        return command;
    }
}
