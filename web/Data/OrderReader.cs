using System.Text.Json;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>Order lists and dispatch explanations from the read tables.</summary>
public sealed class OrderReader(NpgsqlDataSource db)
{
    public sealed record OrderRow(string OrderNo, string Kind, string? Category, string Status, string Phone, string? Address, string? District,
        DateTimeOffset? WindowStart, DateTimeOffset? WindowEnd, string? MerchantId, string? WorkerId, DateTimeOffset CreatedAt,
        string? Notes = null, IReadOnlyList<OrderDetail>? Details = null, DateTimeOffset? OfferExpiresAt = null, string? CheckOutExtras = null,
        decimal? AmountCollected = null);

    /// <summary>One of the category's fields the resident filled in (面积: 90), named in the reader's language.</summary>
    public sealed record OrderDetail(string Label, string Value);

    public sealed record DispatchRow(DateTimeOffset DecidedAt, int Attempt, bool Manual, string? Reason, string? Chosen, JsonElement Ranked, JsonElement Skipped);

    /// <summary>
    /// The merchant's open offers and orders; phone and address are masked while an order is only offered, and an offer
    /// says until when it may be answered (the desk counts down to it).
    /// </summary>
    public async Task<IReadOnlyList<OrderRow>> ForMerchant(string merchantId)
    {
        var rows = await Query("merchant_id = $1 AND open", merchantId);
        return rows.Select(r => r.Status == "Offered" || r.Kind == "complaint" ? r with { Phone = PersonalData.MaskPhone(r.Phone), Address = PersonalData.MaskAddress(r.Address) } : r).ToList();
    }

    /// <summary>The worker's own jobs; the customer's details only while the job is theirs and open.</summary>
    /// <summary>
    /// A worker's jobs: every open one, and those done and closed since midnight in Beijing, so a job the center closed
    /// after its follow-up stays in the worker's list of the day's finished work until the day is over. A cancelled job
    /// was never done: it leaves the list.
    /// </summary>
    public Task<IReadOnlyList<OrderRow>> ForWorker(string workerId) =>
        Query("""
            worker_id = $1 AND (open OR completed_at IS NOT NULL
                AND closed_at >= date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai')
            """, workerId);

    /// <summary>The agents' follow-up list (回访): completed orders whose visit is due, oldest first.</summary>
    public Task<IReadOnlyList<OrderRow>> FollowUpsDue() => Query("status = $1", "FollowUpDue", "completed_at");

    public async Task<IReadOnlyList<DispatchRow>> DispatchDecisions(string orderNo)
    {
        await using var cmd = db.CreateCommand("""
            SELECT decided_at, attempt, manual, reason, chosen, ranked::text, skipped::text FROM dispatch_decision WHERE order_no = $1 ORDER BY id
            """);
        cmd.Parameters.Add(new() { Value = orderNo });
        var rows = new List<DispatchRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new DispatchRow(r.GetFieldValue<DateTimeOffset>(0), r.GetInt32(1), r.GetBoolean(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), JsonDocument.Parse(r.GetString(5)).RootElement.Clone(), JsonDocument.Parse(r.GetString(6)).RootElement.Clone()));
        return rows;
    }

    private async Task<IReadOnlyList<OrderRow>> Query(string where, string id, string orderBy = "created_at DESC")
    {
        await using var cmd = db.CreateCommand($"""
            SELECT order_no, kind, category_code, status, contact_phone, address, district, window_start, window_end, merchant_id, worker_id, created_at,
                   CASE WHEN status = 'Offered' THEN offer_expires_at END
            FROM work_order WHERE {where} ORDER BY {orderBy} LIMIT 200
            """);
        cmd.Parameters.Add(new() { Value = id });
        var rows = new List<OrderRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new OrderRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4),
                r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateTimeOffset>(7),
                r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10),
                r.GetFieldValue<DateTimeOffset>(11), OfferExpiresAt: r.IsDBNull(12) ? null : r.GetFieldValue<DateTimeOffset>(12)));
        return rows;
    }
}
