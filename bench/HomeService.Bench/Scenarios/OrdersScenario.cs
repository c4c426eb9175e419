using System.Diagnostics;
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
    private const int Merchants = 8;

    private int Concurrency => context.Quick ? 24 : 64;
    private TimeSpan Duration => TimeSpan.FromSeconds(context.Quick ? 4 : 20);

    public async Task<IReadOnlyList<Figure>> Run()
    {
        await using var cluster = new LocalCluster(context.RepoRoot, context.LogDir, context.NodeSettings());
        await cluster.StartSilo(1);
        var pools = await BenchMerchants.Seed(context.ConnectionString, Merchants, Concurrency);
        await using var connection = await ClusterConnection.Open(context.ConnectionString);
        await BenchMerchants.Announce(connection.Client, Merchants);
        var client = connection.Client;

        await Drive(client, pools, TimeSpan.FromSeconds(context.Quick ? 2 : 5)); // warm-up: JIT, activations, connection pools
        var orders = new List<double>(); var events = new List<double>(); var raw = new List<double>(); var ratio = new List<double>(); var rows = new List<double>(); var eventRatio = new List<double>();
        var p50 = new List<double>(); var p99 = new List<double>(); var failures = new List<double>();
        var siloCpu = new List<double>(); var pgCpu = new List<double>(); var benchCpu = new List<double>();
        var rowWrites = new List<double>(); var reminderWrites = new List<double>(); var snapshotWrites = new List<double>();
        for (var run = 0; run < context.Repeats; run++)
        {
            var inserts = await RawInserts.PerSecond(context.ConnectionString, Concurrency, Duration);
            var before = await EventCount();
            var writesBefore = await TableWrites.Snapshot(context.ConnectionString);
            var cpuBefore = CpuMeter.Seconds(cluster);
            var result = await Drive(client, pools, Duration);
            var cpu = CpuMeter.Since(cpuBefore, cluster);
            siloCpu.Add(cpu["silo"] * 1000 / result.Completed);
            pgCpu.Add(cpu["postgres"] * 1000 / result.Completed);
            benchCpu.Add(cpu["bench"] * 1000 / result.Completed);
            var eventsPerSecond = (await EventCount() - before) / result.Elapsed.TotalSeconds;
            var writes = TableWrites.Since(writesBefore, await TableWrites.Snapshot(context.ConnectionString));
            rowWrites.Add(writes.Values.Sum() / (double)result.Completed);
            reminderWrites.Add(writes.GetValueOrDefault("orleans_reminder") / (double)result.Completed);
            snapshotWrites.Add(writes.GetValueOrDefault("orleans_storage") / (double)result.Completed);
            Console.WriteLine("  row writes per order: " + string.Join(", ", writes.Where(w => w.Value > 0).OrderByDescending(w => w.Value)
                .Select(w => $"{w.Key} {w.Value / (double)result.Completed:0.##}")));
            orders.Add(result.Completed / result.Elapsed.TotalSeconds);
            // Durable writes: every row the acknowledged commands committed (events, read-model rows, reminders, snapshots),
            // as the baseline counts its single-row inserts. The events alone are reported beside it.
            var rowsPerSecond = writes.Values.Sum() / result.Elapsed.TotalSeconds;
            events.Add(eventsPerSecond);
            rows.Add(rowsPerSecond);
            raw.Add(inserts);
            ratio.Add(rowsPerSecond / inserts);
            eventRatio.Add(eventsPerSecond / inserts);
            p50.Add(result.Latency.Percentile(50));
            p99.Add(result.Latency.Percentile(99));
            failures.Add(result.Failed);
            Console.WriteLine($"  run {run + 1}: {orders[^1]:0} orders/s, {rowsPerSecond:0} row writes/s ({eventsPerSecond:0} events/s), raw inserts {inserts:0}/s, {result.Failed} failed");
        }
        return
        [
            new("orders_per_s", "orders/s", orders, "≥ 300"),
            new("durable_writes_per_s", "rows/s", rows),
            new("events_per_s", "events/s", events),
            new("raw_inserts_per_s", "commits/s", raw, "baseline"),
            new("writes_to_raw_ratio", "ratio", ratio, "≥ 0.5"),
            new("events_to_raw_ratio", "ratio", eventRatio),
            new("lifecycle_p50_ms", "ms", p50),
            new("lifecycle_p99_ms", "ms", p99),
            new("failed_orders", "orders", failures, "0"),
            new("silo_cpu_ms_per_order", "ms", siloCpu),
            new("postgres_cpu_ms_per_order", "ms", pgCpu),
            new("driver_cpu_ms_per_order", "ms", benchCpu),
            new("db_row_writes_per_order", "rows", rowWrites),
            new("reminder_writes_per_order", "rows", reminderWrites),
            new("grain_state_writes_per_order", "rows", snapshotWrites),
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
            BenchMerchants.Category, $"{BenchMerchants.District}科学大道 100 号", BenchMerchants.District, now.AddMinutes(30), now.AddHours(2.5), new Dictionary<string, string>(), null, "bench"));
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

    private Task<double> EventCount() => new BenchDb(context.ConnectionString).Number("SELECT count(*) FROM event_log");
}
