using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// Merchants for a district only the bench uses (so demo merchants never get an offer), each with enough free workers
/// that no lane waits for one, written the way the platform writes them (a WorkerRegistered event and the read rows)
/// before any of them is used. Returns each merchant's pool of free workers.
/// </summary>
public static class BenchMerchants
{
    public const string Category = "home-clean";
    public const string District = "高新区";
    private const int Capacity = 100000; // no lane ever waits for a merchant's free capacity

    private static string Id(int m) => $"BM{m:00}";
    private static int CreditScore(int m) => 70 + m;

    public static async Task<IReadOnlyDictionary<string, Channel<string>>> Seed(string connectionString, int merchants, int workersEach)
    {
        var pools = new Dictionary<string, Channel<string>>();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var tx = await conn.BeginTransactionAsync();
        for (var m = 1; m <= merchants; m++)
        {
            var merchantId = Id(m);
            await Exec(conn, """
                INSERT INTO merchant (id, name, credit_code, legal_person, phone, address, district, categories, districts, status, credit_score,
                    credit_level, capacity)
                VALUES ($1, $2, $3, '压测', '037100000000', '高新区', '高新区', $4, $5, 'Active', $6, 'A', $7) ON CONFLICT (id) DO NOTHING
                """, merchantId, $"压测家政 {m}", $"BENCH{m:0000000000000}", new[] { Category }, new[] { District }, CreditScore(m), Capacity);
            var pool = Channel.CreateUnbounded<string>();
            for (var w = 1; w <= workersEach; w++)
            {
                var workerId = $"B{m:00}W{w:000}";
                var registered = new { id = workerId, merchantId, name = $"压测工 {m}-{w}", phone = "13900000000", skills = new[] { Category },
                    qualificationExpires = "2099-12-31", status = "Available", at = DateTimeOffset.UtcNow };
                await Exec(conn, """
                    INSERT INTO event_log (aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at)
                    VALUES ('worker', $1, 1, 'WorkerRegistered', $2::jsonb, 'bench', now()) ON CONFLICT DO NOTHING
                    """, workerId, JsonSerializer.Serialize(registered, json));
                await Exec(conn, """
                    INSERT INTO worker (id, merchant_id, name, phone, skills, status) VALUES ($1, $2, $3, '13900000000', $4, 'Available')
                    ON CONFLICT (id) DO NOTHING
                    """, workerId, merchantId, registered.name, new[] { Category });
                pool.Writer.TryWrite(workerId);
            }
            pools[merchantId] = pool;
        }
        await tx.CommitAsync();
        return pools;
    }

    /// <summary>
    /// Tells dispatch of the merchants just written, as admitting a merchant does: a dispatch directory already active
    /// (a silo job touched it at start-up) read the merchant table before they were in it and would never offer them an order.
    /// </summary>
    public static async Task Announce(IClusterClient client, int merchants)
    {
        var directory = client.GetGrain<HomeService.WorkOrders.IDispatchDirectoryGrain>(0);
        for (var m = 1; m <= merchants; m++)
            await directory.MerchantChanged(Id(m), "Active", [Category], [District], CreditScore(m), Capacity);
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }
}
