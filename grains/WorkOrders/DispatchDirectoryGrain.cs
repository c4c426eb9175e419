using Npgsql;

namespace HomeService.WorkOrders;

/// <summary>
/// Merchants, their workers and open load, as dispatch needs them: read once from the read tables, then kept in
/// memory (orders report load changes one-way). The merchant issue replaces this with MerchantGrain and credit.
/// </summary>
public sealed class DispatchDirectoryGrain(NpgsqlDataSource db) : Grain, IDispatchDirectoryGrain
{
    private readonly Dictionary<string, DispatchMerchant> _merchants = new();
    private readonly Dictionary<string, string> _workerMerchant = new();
    private readonly HashSet<string> _categories = new();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            SELECT m.id, m.status, m.categories, m.districts, m.credit_score, m.capacity,
                   (SELECT count(*) FROM work_order o WHERE o.merchant_id = m.id AND o.open AND o.status <> 'Offered')::int
            FROM merchant m
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                _merchants[r.GetString(0)] = new DispatchMerchant(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2),
                    r.GetFieldValue<string[]>(3), r.GetInt32(4), r.GetInt32(6), r.GetInt32(5));
        await using (var cmd = new NpgsqlCommand("SELECT id, merchant_id FROM worker", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) _workerMerchant[r.GetString(0)] = r.GetString(1);
        await using (var cmd = new NpgsqlCommand("SELECT code FROM service_category WHERE active AND parent_code IS NOT NULL", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) _categories.Add(r.GetString(0));
    }

    public Task<IReadOnlyList<DispatchMerchant>> GetMerchants() => Task.FromResult<IReadOnlyList<DispatchMerchant>>(_merchants.Values.ToList());

    public Task<string?> GetWorkerMerchant(string workerId) => Task.FromResult(_workerMerchant.GetValueOrDefault(workerId));

    public Task<bool> CategoryExists(string category) => Task.FromResult(_categories.Contains(category));

    public Task LoadChanged(string merchantId, int delta)
    {
        if (_merchants.TryGetValue(merchantId, out var m)) _merchants[merchantId] = m with { OpenOrders = Math.Max(0, m.OpenOrders + delta) };
        return Task.CompletedTask;
    }
}
