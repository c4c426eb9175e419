using System.Diagnostics;
using HomeService.Bench.Harness;
using HomeService.CallCenter;
using HomeService.Diagnostics;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// Routing throughput: many agents in ten skill queues, calls through their whole life (offered, routed and rung,
/// answered, hung up, wrap-up ended) through the call grains as the telephony endpoints drive them, every call event
/// durable in PostgreSQL; the silo's simulated switch takes the commands. As fast as the cluster takes it, with
/// bounded concurrency. Baseline on the same cluster in the same run: bare grain-to-grain pings per second.
/// </summary>
public sealed class AcdScenario(BenchContext context)
{
    private const string Hotline = "037199999";
    private const int Queues = 10;

    private int AgentCount => context.Quick ? 200 : 1000;
    private int Concurrency => context.Quick ? 64 : 200;
    private TimeSpan Duration => TimeSpan.FromSeconds(context.Quick ? 4 : 20);

    public async Task<IReadOnlyList<Figure>> Run()
    {
        await using var cluster = new LocalCluster(context.RepoRoot, context.LogDir, context.NodeSettings());
        await cluster.StartSilo(1);
        await Seed();
        await using var connection = await ClusterConnection.Open(context.ConnectionString);
        var client = connection.Client;
        await client.GetGrain<HomeService.CallCenter.ICallCenterDirectoryGrain>(0).Reload(); // the seats and queues written above
        await SeedHotline(client);
        await Parallel.ForEachAsync(Enumerable.Range(1, AgentCount), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (n, _) =>
        {
            var agent = client.GetGrain<IAgentGrain>($"BA{n:0000}");
            await agent.Login();
            await agent.Ready();
        });

        // Long enough in a full run for tiered compilation to settle: the figures are for a silo that has been up a while.
        await Drive(client, TimeSpan.FromSeconds(context.Quick ? 2 : 10), "warm");
        var routed = new List<double>(); var pings = new List<double>(); var ratio = new List<double>(); var p99 = new List<double>(); var p50 = new List<double>();
        var failed = new List<double>();
        var siloCpu = new List<double>(); var pgCpu = new List<double>(); var benchCpu = new List<double>(); var rowWrites = new List<double>();
        for (var run = 0; run < context.Repeats; run++)
        {
            var pingRate = await PingsPerSecond(client);
            var writesBefore = await TableWrites.Snapshot(context.ConnectionString);
            var cpuBefore = CpuMeter.Seconds(cluster);
            var result = await Drive(client, Duration, $"r{run}");
            var cpu = CpuMeter.Since(cpuBefore, cluster);
            var writes = TableWrites.Since(writesBefore, await TableWrites.Snapshot(context.ConnectionString));
            var calls = Math.Max(1, result.Done);
            siloCpu.Add(cpu["silo"] * 1000 / calls); pgCpu.Add(cpu["postgres"] * 1000 / calls); benchCpu.Add(cpu["bench"] * 1000 / calls);
            rowWrites.Add(writes.Values.Sum() / (double)calls);
            Console.WriteLine("  row writes per call: " + TableWrites.PerUnit(writes, calls));
            routed.Add(result.PerSecond); pings.Add(pingRate); ratio.Add(result.PerSecond / pingRate);
            p50.Add(result.Routing.Percentile(50)); p99.Add(result.Routing.Percentile(99)); failed.Add(result.Failed);
            Console.WriteLine($"  run {run + 1}: {result.PerSecond:0} routed calls/s, {pingRate:0} pings/s, routing p99 {result.Routing.Percentile(99):0.0} ms, {result.Failed} failed");
        }
        return
        [
            new("routed_calls_per_s", "calls/s", routed, "≥ 5000"),
            new("grain_pings_per_s", "pings/s", pings, "baseline"),
            new("routed_to_ping_ratio", "ratio", ratio),
            new("routing_p50_ms", "ms", p50),
            new("routing_p99_ms", "ms", p99),
            new("failed_calls", "calls", failed, "0"),
            new("silo_cpu_ms_per_call", "ms", siloCpu), new("postgres_cpu_ms_per_call", "ms", pgCpu), new("driver_cpu_ms_per_call", "ms", benchCpu),
            new("db_row_writes_per_call", "rows", rowWrites),
            new("agents", "agents", [AgentCount]), new("queues", "queues", [Queues]),
        ];
    }

    private sealed record DriveResult(double PerSecond, int Done, int Failed, Samples Routing);

    private async Task<DriveResult> Drive(IClusterClient client, TimeSpan duration, string prefix)
    {
        var routing = new Samples();
        int done = 0, failed = 0, next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref next);
                try
                {
                    if (await Lifecycle(client, $"acd-{prefix}-{i}", i, clock, routing)) Interlocked.Increment(ref done);
                    else Interlocked.Increment(ref failed);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        return new DriveResult(done / clock.Elapsed.TotalSeconds, done, failed, routing);
    }

    /// <summary>
    /// One call as the switch would report it: offered into a queue by the IVR choice; once an agent's phone rings,
    /// answered at that seat, then the caller hangs up. Routing latency: from the offer to the ring.
    /// </summary>
    private static async Task<bool> Lifecycle(IClusterClient client, string callId, int i, Stopwatch clock, Samples routing)
    {
        var call = client.GetGrain<ICallGrain>(callId);
        var view = await call.Offered(new CtiCallOffered($"{callId}:offer", $"139{i % 100_000_000:00000000}", Hotline, "T1", $"{1 + i % Queues}"));
        // The driver only needs to know which seat rings; it looks with a backoff, so its own reads stay a small part
        // of the load. The routing time is the call's own: from its "offered" to its "ringing" timeline entry.
        var wait = TimeSpan.FromMilliseconds(2);
        var waited = Stopwatch.StartNew();
        while (view.Status != CallStatus.Ringing && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(wait);
            if (wait < TimeSpan.FromMilliseconds(32)) wait *= 2;
            view = await call.Get();
        }
        if (view.Status != CallStatus.Ringing || view.RingingAgents.FirstOrDefault() is not { } agent) return false;
        var offered = view.Timeline.First(t => t.What == "offered").At;
        var rang = view.Timeline.First(t => t.What == "ringing").At;
        routing.Add((rang - offered).TotalMilliseconds);
        await call.AgentLegAnswered($"{callId}:answered", agent);
        var ended = await call.HungUp($"{callId}:hangup", "caller", "normal");
        return ended.Status == CallStatus.Ended;
    }

    private async Task<double> PingsPerSecond(IClusterClient client)
    {
        const int callers = 8;
        var perCaller = (int)(Concurrency * 400 * Duration.TotalSeconds / callers / 10);
        var seconds = await Task.WhenAll(Enumerable.Range(0, callers).Select(k => client.GetGrain<IPingGrain>(k).PingMany(perCaller, Concurrency / callers)));
        return callers * perCaller / seconds.Max();
    }

    /// <summary>The bench hotline: IVR choices 1–10 lead to the ten queues, through the command the admin page uses.</summary>
    private async Task SeedHotline(IClusterClient client)
    {
        var routes = Enumerable.Range(1, Queues).Select(q => new RouteRule(q.ToString(), $"bq{q:00}", 0)).Prepend(new RouteRule("", "bq01", 0)).ToList();
        var saved = await client.GetGrain<IHotlineGrain>(Hotline).Save(new HotlineSettings("压测热线", false, routes, "00:00-24:00", "00:00-24:00",
            "00:00-24:00", ClosedActions.Message, "", null, "", false), null, "system:bench");
        if (!saved.Succeeded) throw new InvalidOperationException($"Bench hotline: {string.Join(", ", saved.Errors!.Keys)}");
    }

    /// <summary>Ten queues, one skill each, reached by IVR choices 1–10 on a bench hotline; each agent has three of the skills.</summary>
    private async Task Seed()
    {
        await using var conn = new NpgsqlConnection(context.ConnectionString);
        await conn.OpenAsync();
        foreach (var sql in new[]
        {
            """
            INSERT INTO call_queue (id, name_zh, name_en, skill, strategy, wrap_up_seconds, tiers)
            SELECT 'bq' || lpad(q::text, 2, '0'), '压测队列 ' || q, 'Bench queue ' || q, 'skill' || q, 'longest-idle-agent', 0,
                   jsonb_build_array(jsonb_build_object('afterSeconds', 0, 'skill', 'skill' || q, 'minProficiency', 1))
            FROM generate_series(1, $2) q
            """,
            """
            INSERT INTO agent (id, name, extension, skills)
            SELECT 'BA' || lpad(n::text, 4, '0'), '压测座席 ' || n, (70000 + n)::text,
                   jsonb_build_object('skill' || (1 + n % $2), 5, 'skill' || (1 + (n + 3) % $2), 3, 'skill' || (1 + (n + 7) % $2), 2)
            FROM generate_series(1, $1) n
            """,
        })
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = AgentCount });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Queues });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Hotline });
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
