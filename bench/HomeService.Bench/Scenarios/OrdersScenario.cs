using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using HomeService.Bench.Harness;
using HomeService.WorkOrders;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// Durable work-order throughput: the whole service lifecycle (create and dispatch, accept, assign, on the way,
/// check in, check out, rating and close) through the grains, many orders at once, every event committed to
/// PostgreSQL. Beside it, in the same run, the database's single-row INSERT transactions/s from as many connections.
/// </summary>
public sealed class OrdersScenario(BenchContext context)
{
    private const string Category = "home-clean";
    private const string District = "高新区"; // served by the bench's merchants only, so demo merchants never get an offer
    private const int Merchants = 8;

    private int Concurrency => context.Quick ? 24 : 64;
    private TimeSpan Duration => TimeSpan.FromSeconds(context.Quick ? 6 : 20);

    public async Task<IReadOnlyList<Figure>> Run()
    {
        await using var cluster = new LocalCluster(context.RepoRoot, context.LogDir, context.NodeSettings());
        await cluster.StartSilo(1);
        var pools = await Seed();
        await using var connection = await ClusterConnection.Open(context.ConnectionString);
        var client = connection.Client;

        await Drive(client, pools, TimeSpan.FromSeconds(context.Quick ? 2 : 5)); // warm-up: JIT, activations, connection pools
        var orders = new List<double>(); var events = new List<double>(); var raw = new List<double>(); var ratio = new List<double>();
        var p50 = new List<double>(); var p99 = new List<double>(); var failures = new List<double>();
        for (var run = 0; run < context.Repeats; run++)
        {
            var inserts = await RawInserts.PerSecond(context.ConnectionString, Concurrency, Duration);
            var before = await EventCount();
            var result = await Drive(client, pools, Duration);
            var eventsPerSecond = (await EventCount() - before) / result.Elapsed.TotalSeconds;
            orders.Add(result.Completed / result.Elapsed.TotalSeconds);
            events.Add(eventsPerSecond);
            raw.Add(inserts);
            ratio.Add(eventsPerSecond / inserts);
            p50.Add(result.Latency.Percentile(50));
            p99.Add(result.Latency.Percentile(99));
            failures.Add(result.Failed);
            Console.WriteLine($"  run {run + 1}: {orders[^1]:0} orders/s, {eventsPerSecond:0} events/s, raw inserts {inserts:0}/s, {result.Failed} failed");
        }
        return
        [
            new("orders_per_s", "orders/s", orders, "≥ 300"),
            new("durable_writes_per_s", "events/s", events),
            new("raw_inserts_per_s", "commits/s", raw, "baseline"),
            new("writes_to_raw_ratio", "ratio", ratio, "≥ 0.5"),
            new("lifecycle_p50_ms", "ms", p50),
            new("lifecycle_p99_ms", "ms", p99),
            new("failed_orders", "orders", failures, "0"),
        ];
    }

    private sealed record DriveResult(int Completed, int Failed, TimeSpan Elapsed, Samples Latency);

    /// <summary>Closed loop with bounded concurrency: each lane takes the next order through its whole life.</summary>
    private async Task<DriveResult> Drive(IClusterClient client, IReadOnlyDictionary<string, Channel<string>> pools, TimeSpan duration)
    {
        var latency = new Samples();
        int completed = 0, failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                if (await Lifecycle(client, pools))
                {
                    Interlocked.Increment(ref completed);
                    latency.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else Interlocked.Increment(ref failed);
            }
        }));
        return new DriveResult(completed, failed, clock.Elapsed, latency);
    }

    private static async Task<bool> Lifecycle(IClusterClient client, IReadOnlyDictionary<string, Channel<string>> pools)
    {
        var now = DateTimeOffset.UtcNow;
        var created = await client.GetGrain<IOrderIntakeGrain>(0).CreateService(new NewServiceOrder("phone", null, null, "压测用户", "13612345678",
            Category, $"{District}科学大道 100 号", District, now.AddHours(2), now.AddHours(4), new Dictionary<string, string>(), null, "bench"));
        if (!created.Succeeded || created.Value!.MerchantId is not { } merchant || created.Value.Status != WorkOrderStatus.Offered) return false;
        var order = client.GetGrain<IWorkOrderGrain>(created.Value.OrderNo);
        if (!(await order.Accept(merchant)).Succeeded) return false;
        var worker = await pools[merchant].Reader.ReadAsync();
        try
        {
            if (!(await order.AssignWorker(merchant, worker)).Succeeded) return false;
            if (!(await order.StartTrip(worker)).Succeeded || !(await order.CheckIn(worker)).Succeeded || !(await order.CheckOut(worker)).Succeeded)
                return false;
        }
        finally
        {
            pools[merchant].Writer.TryWrite(worker);
        }
        var rated = await order.RecordFollowUp(new FollowUpOutcome("web", 5, true, null, false, "bench"));
        return rated.Succeeded && rated.Value!.Status == WorkOrderStatus.Closed;
    }

    /// <summary>
    /// Merchants for the bench district, each with enough free workers that no lane ever waits for one, written the
    /// way the platform writes them (a WorkerRegistered event and the read rows) before any of them is used.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Channel<string>>> Seed()
    {
        await using var db = NpgsqlDataSource.Create(context.ConnectionString);
        var pools = new Dictionary<string, Channel<string>>();
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        for (var m = 1; m <= Merchants; m++)
        {
            var merchantId = $"BM{m:00}";
            await Exec(conn, """
                INSERT INTO merchant (id, name, credit_code, legal_person, phone, address, district, categories, districts, status, credit_score,
                    credit_level, capacity)
                VALUES ($1, $2, $3, '压测', '037100000000', '高新区', '高新区', $4, $5, 'Active', $6, 'A', 100000) ON CONFLICT (id) DO NOTHING
                """, merchantId, $"压测家政 {m}", $"BENCH{m:0000000000000}", new[] { Category }, new[] { District }, 70 + m);
            var pool = Channel.CreateUnbounded<string>();
            for (var w = 1; w <= Concurrency; w++)
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

    private async Task<long> EventCount()
    {
        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM event_log", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    private static async Task Exec(NpgsqlConnection conn, string sql, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        await cmd.ExecuteNonQueryAsync();
    }
}
