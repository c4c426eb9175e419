using HomeService.WorkOrders;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// A resident's own orders (会员订单): the list, and one order with its timeline, worker and rating, read from the read
/// tables and the event log. Only what the resident may see: the merchant once it has accepted, the worker's name masked,
/// timeline steps without actors, reasons or notes.
/// </summary>
public sealed class MemberOrderReader(NpgsqlDataSource db)
{
    /// <summary>The quick verdicts a resident may add to a rating, in the order they are offered.</summary>
    public static readonly string[] RatingTags = ["on-time", "professional", "friendly", "tidy", "unsatisfied"];

    public sealed record Summary(string OrderNo, string Kind, string? Category, string Status, DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd,
        string? MerchantName, DateTimeOffset CreatedAt, long Version);
    public sealed record Step(string Key, DateTimeOffset At);
    public sealed record AssignedWorker(string MaskedName, string? CodeUrl);
    /// <summary>Photos: the addresses the review's photos are shown at (<see cref="ReviewPhotoStore.Url"/>).</summary>
    public sealed record Rating(int Stars, IReadOnlyList<string> Tags, string? Comment, IReadOnlyList<string> Photos);
    public sealed record Detail(Summary Order, string? Address, AssignedWorker? Worker, IReadOnlyList<Step> Timeline, bool CanCancel, bool CanReschedule,
        bool CanRate, Rating? Rating);

    /// <summary>Event types that are steps of the resident's timeline, and the step each one is.</summary>
    private static readonly Dictionary<string, string> Steps = new()
    {
        ["OrderCreated"] = "created", ["WorkOrderImported"] = "created", ["OrderOffered"] = "dispatching", ["OrderAccepted"] = "accepted",
        ["MerchantCancelled"] = "redispatch", ["WorkerAssigned"] = "worker-assigned", ["WorkerEnRoute"] = "en-route",
        ["WorkerCheckedIn"] = "checked-in", ["WorkerCheckedOut"] = "completed", ["OrderRescheduled"] = "rescheduled",
        ["OrderCancelled"] = "cancelled", ["OrderCannotComplete"] = "cannot-complete", ["FollowUpRecorded"] = "rated",
        ["OrderClosed"] = "closed", ["ConsultationAnswered"] = "answered", ["ReplySent"] = "answered", ["VerdictGiven"] = "verdict",
    };

    private static readonly string[] Undispatched = ["Raw", "PendingDispatch", "Offered", "ManualDispatch"];
    private static readonly string[] Changeable = ["Raw", "PendingDispatch", "Offered", "ManualDispatch", "Accepted", "WorkerAssigned", "EnRoute"];

    /// <summary>Whether the resident may see who serves the order: only once a merchant has accepted it.</summary>
    public static bool MerchantVisible(string status) => !Undispatched.Contains(status);

    private const string Columns = """
        SELECT o.order_no, o.kind, o.category_code, o.status, o.window_start, o.window_end, m.name, o.created_at,
               (SELECT coalesce(max(e.version), 0) FROM event_log e WHERE e.aggregate_type = 'work_order' AND e.aggregate_id = o.order_no),
               o.address, o.worker_id, o.score
        FROM work_order o LEFT JOIN merchant m ON m.id = o.merchant_id
        """;

    public async Task<IReadOnlyList<Summary>> List(string memberId)
    {
        await using var cmd = db.CreateCommand($"{Columns} WHERE o.member_id = $1 ORDER BY o.created_at DESC, o.order_no DESC LIMIT 100");
        cmd.Parameters.Add(new() { Value = memberId });
        var list = new List<Summary>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(ReadSummary(r));
        return list;
    }

    /// <summary>The member's own order, or null (someone else's order is no such order).</summary>
    public async Task<Detail?> Find(string memberId, string orderNo)
    {
        if (orderNo.Length > 32) return null;
        await using var conn = await db.OpenConnectionAsync();
        Summary summary;
        string? address, workerId;
        int? score;
        await using (var cmd = new NpgsqlCommand($"{Columns} WHERE o.member_id = $1 AND o.order_no = $2", conn))
        {
            cmd.Parameters.Add(new() { Value = memberId });
            cmd.Parameters.Add(new() { Value = orderNo });
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) return null;
            summary = ReadSummary(r);
            address = r.IsDBNull(9) ? null : r.GetString(9);
            workerId = r.IsDBNull(10) ? null : r.GetString(10);
            score = r.IsDBNull(11) ? null : r.GetInt32(11);
        }

        var timeline = new List<Step>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT event_type, occurred_at, coalesce(payload->>'countsAsRating', 'true') = 'true' FROM event_log
            WHERE aggregate_type = 'work_order' AND aggregate_id = $1 AND event_type = ANY($2) ORDER BY version
            """, conn))
        {
            cmd.Parameters.Add(new() { Value = orderNo });
            cmd.Parameters.Add(new() { Value = Steps.Keys.ToArray() });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
            {
                var key = Steps[r.GetString(0)];
                // One "dispatching" step however many merchants were asked; a rating only when it is the one that counts.
                if ((key == "dispatching" && timeline.Any(s => s.Key == key)) || (key == "rated" && !r.GetBoolean(2))) continue;
                timeline.Add(new Step(key, r.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        AssignedWorker? worker = null;
        if (workerId is not null && summary.MerchantName is not null)
        {
            await using var cmd = new NpgsqlCommand("""
                SELECT w.name, CASE WHEN w.active AND m.status IN ('Active', 'Warned') THEN w.code_token END
                FROM worker w JOIN merchant m ON m.id = w.merchant_id WHERE w.id = $1
                """, conn);
            cmd.Parameters.Add(new() { Value = workerId });
            await using var r = await cmd.ExecuteReaderAsync();
            if (await r.ReadAsync())
                worker = new AssignedWorker(PersonalData.MaskName(r.GetString(0)) ?? "", r.IsDBNull(1) ? null : $"/w/{Uri.EscapeDataString(r.GetString(1))}");
        }

        Rating? rating = null;
        await using (var cmd = new NpgsqlCommand("SELECT stars, tags, comment, photos FROM service_review WHERE order_no = $1", conn))
        {
            cmd.Parameters.Add(new() { Value = orderNo });
            await using var r = await cmd.ExecuteReaderAsync();
            if (await r.ReadAsync())
                rating = new Rating(r.GetInt32(0), r.GetFieldValue<string[]>(1), r.IsDBNull(2) ? null : r.GetString(2),
                    r.GetFieldValue<Guid[]>(3).Select(ReviewPhotoStore.Url).ToArray());
        }
        if (rating is null && score is { } s) rating = new Rating(s, [], null, []);

        var service = summary.Kind == "service";
        return new Detail(summary, address, worker, timeline,
            CanCancel: service && (Changeable.Contains(summary.Status) || summary.Status == "OnHold"),
            CanReschedule: service && Changeable.Contains(summary.Status),
            CanRate: service && rating is null && summary.Status is "Completed" or "FollowUpDue",
            rating);
    }

    private static Summary ReadSummary(NpgsqlDataReader r)
    {
        var status = r.GetString(3);
        return new Summary(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), status,
            r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateTimeOffset>(5),
            MerchantVisible(status) && !r.IsDBNull(6) ? r.GetString(6) : null, r.GetFieldValue<DateTimeOffset>(7), r.GetInt64(8));
    }
}
