using Npgsql;

namespace HomeService.WorkOrders;

/// <summary>
/// Merchants, their workers and open load, as dispatch needs them: read once from the read tables, then kept in
/// memory (orders report load changes one-way). The merchant issue replaces this with MerchantGrain and credit.
/// </summary>
public sealed class DispatchDirectoryGrain(NpgsqlDataSource db) : Grain, IDispatchDirectoryGrain
{
    private readonly Dictionary<string, DispatchMerchant> _merchants = new();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Acceptance counts the offers answered in the last 90 days: recent behaviour, not a merchant's distant past.
        await using (var cmd = new NpgsqlCommand("""
            SELECT m.id, m.status, m.categories, m.districts, m.credit_score, m.capacity,
                   (SELECT count(*) FROM work_order o WHERE o.merchant_id = m.id AND o.open AND o.status <> 'Offered')::int,
                   count(d.id) FILTER (WHERE d.answer = 'accepted')::int, count(d.id) FILTER (WHERE d.answer IS NOT NULL)::int,
                   coalesce(m.listed = 'Red', false)
            FROM merchant m
            LEFT JOIN dispatch_decision d ON d.chosen = m.id AND d.decided_at > now() - interval '90 days'
            GROUP BY m.id
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                _merchants[r.GetString(0)] = new DispatchMerchant(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2),
                    r.GetFieldValue<string[]>(3), r.GetInt32(4), r.GetInt32(6), r.GetInt32(5), r.GetInt32(7), r.GetInt32(8), r.GetBoolean(9));
    }

    public Task<IReadOnlyList<DispatchMerchant>> GetMerchants() => Task.FromResult<IReadOnlyList<DispatchMerchant>>(_merchants.Values.ToList());

    public Task OfferAnswered(string merchantId, bool accepted)
    {
        if (_merchants.TryGetValue(merchantId, out var m))
            _merchants[merchantId] = m with { OffersAccepted = m.OffersAccepted + (accepted ? 1 : 0), OffersAnswered = m.OffersAnswered + 1 };
        return Task.CompletedTask;
    }

    public Task MerchantChanged(string merchantId, string status, IReadOnlyList<string> categories, IReadOnlyList<string> districts,
        int creditScore, int capacity, bool honoured = false)
    {
        _merchants[merchantId] = _merchants.TryGetValue(merchantId, out var m)
            ? m with { Status = status, Categories = categories, Districts = districts, CreditScore = creditScore, Capacity = capacity, Honoured = honoured }
            : new DispatchMerchant(merchantId, status, categories, districts, creditScore, 0, capacity, 0, 0, honoured);
        return Task.CompletedTask;
    }

    public Task LoadChanged(string merchantId, int delta)
    {
        if (_merchants.TryGetValue(merchantId, out var m)) _merchants[merchantId] = m with { OpenOrders = Math.Max(0, m.OpenOrders + delta) };
        return Task.CompletedTask;
    }
}
