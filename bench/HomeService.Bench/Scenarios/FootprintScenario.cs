using HomeService.Bench.Harness;
using HomeService.Diagnostics;
using HomeService.Workers;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// Memory per activation on one silo: worker grains with realistic state (registered through the event log, so each
/// activation reads its snapshot and catches up from the log), beside bare grains holding 500 bytes. Each run adds a
/// fresh batch of each and measures the silo's managed heap and RSS after a full collection, before and after.
/// Merchant grains join the measurement when the merchant issue brings MerchantGrain.
/// </summary>
public sealed class FootprintScenario(BenchContext context)
{
    private int PerRun => context.Quick ? 5_000 : 40_000;
    private const int Parallelism = 64;

    public async Task<IReadOnlyList<Figure>> Run()
    {
        await using var cluster = new LocalCluster(context.RepoRoot, context.LogDir, context.NodeSettings());
        await cluster.StartSilo(1);
        await SeedWorkers(PerRun * context.Repeats);
        await using var connection = await ClusterConnection.Open(context.ConnectionString);
        var client = connection.Client;
        var memory = client.GetGrain<ISiloMemoryGrain>(0);

        var bareHeap = new List<double>(); var bareRss = new List<double>(); var workerHeap = new List<double>(); var workerRss = new List<double>();
        var start = await memory.Measure();
        for (var run = 0; run < context.Repeats; run++)
        {
            var before = await memory.Measure();
            await Activate(PerRun, i => client.GetGrain<IBareGrain>(run * PerRun + i).Touch());
            var afterBare = await memory.Measure();
            await Activate(PerRun, async i => _ = await client.GetGrain<IWorkerGrain>(WorkerId(run * PerRun + i)).Get() ?? throw new InvalidOperationException("no worker"));
            var afterWorkers = await memory.Measure();
            bareHeap.Add((afterBare.ManagedBytes - before.ManagedBytes) / (double)PerRun);
            bareRss.Add((afterBare.ResidentBytes - before.ResidentBytes) / (double)PerRun);
            workerHeap.Add((afterWorkers.ManagedBytes - afterBare.ManagedBytes) / (double)PerRun);
            workerRss.Add((afterWorkers.ResidentBytes - afterBare.ResidentBytes) / (double)PerRun);
            Console.WriteLine($"  run {run + 1}: worker {workerHeap[^1]:0} B heap / {workerRss[^1]:0} B RSS; bare {bareHeap[^1]:0} B heap / {bareRss[^1]:0} B RSS per activation");
        }
        var end = await memory.Measure();
        var projected = (start.ResidentBytes + 110_000 * workerRss.Order().ElementAt(workerRss.Count / 2)) / 1048576.0;
        return
        [
            new("worker_heap_bytes_per_activation", "bytes", workerHeap), new("worker_rss_bytes_per_activation", "bytes", workerRss),
            new("bare_heap_bytes_per_activation", "bytes", bareHeap, "baseline"), new("bare_rss_bytes_per_activation", "bytes", bareRss, "baseline"),
            new("worker_to_bare_rss_ratio", "ratio", workerRss.Zip(bareRss, (w, b) => w / b).ToList()),
            new("silo_rss_at_start_mb", "MB", [start.ResidentBytes / 1048576.0]),
            new("silo_rss_at_end_mb", "MB", [end.ResidentBytes / 1048576.0]),
            new("activations_at_end", "grains", [2.0 * PerRun * context.Repeats]),
            new("projected_rss_110k_workers_mb", "MB", [projected], "≤ 1024"),
        ];
    }

    private static string WorkerId(int i) => $"FW{i:000000}";

    private static async Task Activate(int count, Func<int, Task> touch) =>
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, _) => await touch(i));

    /// <summary>Workers as the platform registers them: a WorkerRegistered event each, with a name, phone, skills and certificate date.</summary>
    private async Task SeedWorkers(int count)
    {
        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO event_log (aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at)
            SELECT 'worker', 'FW' || lpad(n::text, 6, '0'), 1, 'WorkerRegistered',
                   jsonb_build_object('id', 'FW' || lpad(n::text, 6, '0'), 'merchantId', 'FM' || lpad((n % 10000)::text, 5, '0'),
                       'name', '服务人员' || n, 'phone', '139' || lpad(n::text, 8, '0'), 'skills', jsonb_build_array('home-clean', 'hourly', 'nanny'),
                       'qualificationExpires', '2027-06-30', 'status', 'Available', 'at', now()),
                   'bench', now()
            FROM generate_series(0, $1 - 1) n
            """, conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = count });
        cmd.CommandTimeout = 300;
        await cmd.ExecuteNonQueryAsync();
    }
}
