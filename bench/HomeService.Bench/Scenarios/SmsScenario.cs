using System.Collections.Concurrent;
using System.Diagnostics;
using HomeService.Bench.Harness;
using HomeService.Sms;
using HomeService.SmsSim;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// The SMS sender against the local Alibaba Cloud server (sms-sim, in this process: it checks every signature as the
/// provider would). Drain: a backlog of notices to distinct numbers is written at once, and the figure is how many a
/// second reach the provider, from the first to the last. Latency: notices are written one per transaction at a steady
/// 100 a second (open loop), and each is timed from its intended write to the provider taking it. One silo, quiet hours
/// off. Targets (issue 17): drain at least 1,000/s; at 100/s, p99 under 1 s.
/// </summary>
public sealed class SmsScenario(BenchContext context)
{
    public const double DrainTarget = 1000;
    public const double LatencyTargetMs = 1000;
    private const string KeyId = "LTAIbench";
    private const string Secret = "bench-secret";
    private const string Sign = "郑州家政";

    private int Backlog => context.Quick ? 5_000 : 20_000;
    private TimeSpan Steady => TimeSpan.FromSeconds(context.Quick ? 10 : 30);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public async Task<IReadOnlyList<Figure>> Run()
    {
        await using var sim = await SmsSimHost.Start(5370, 5371);
        sim.Aliyun.Keys[KeyId] = Secret;
        sim.Aliyun.SignNames.Add(Sign);
        sim.Aliyun.Templates.Add("SMS_BENCH");
        var arrived = new ConcurrentDictionary<string, TimeSpan>();
        sim.Aliyun.AfterTaking = m =>
        {
            arrived.TryAdd(m.OutId ?? "", _clock.Elapsed);
            return Task.CompletedTask;
        };

        await using var cluster = new LocalCluster(context.RepoRoot, context.LogDir, context.NodeSettings(new Dictionary<string, string>
        {
            ["HomeService__Sms__Provider"] = "aliyun",
            ["HomeService__Sms__Aliyun__Endpoint"] = sim.AliyunUrl,
            ["HomeService__Sms__Aliyun__AccessKeyId"] = KeyId,
            ["HomeService__Sms__Aliyun__AccessKeySecret"] = Secret,
            ["HomeService__Sms__Aliyun__SignName"] = Sign,
            ["HomeService__Sms__Templates__member.order.accepted__aliyun"] = "SMS_BENCH",
            ["HomeService__Sms__QuietStart"] = "00:00",
            ["HomeService__Sms__QuietEnd"] = "00:00",
        }));
        await cluster.StartSilo(1);

        var drain = new List<double>();
        var p50 = new List<double>();
        var p99 = new List<double>();
        for (var run = 0; run < context.Repeats; run++)
        {
            drain.Add(await Drain(run, arrived));
            var latency = await Latency(run, arrived);
            p50.Add(latency.Percentile(50));
            p99.Add(latency.Percentile(99));
            Console.WriteLine($"  run {run + 1}: drain {drain[^1]:0}/s; at 100/s p50 {p50[^1]:0} ms, p99 {p99[^1]:0} ms ({latency.Count} messages)");
        }
        Console.WriteLine($"  provider: {sim.Aliyun.Requests} requests, {sim.Aliyun.Refusals} refused, {sim.Aliyun.Messages.Count} messages");
        return
        [
            new("drain_messages_per_second", "msg/s", drain, $"≥ {DrainTarget:0}"),
            new("latency_p50_ms_at_100_per_s", "ms", p50),
            new("latency_p99_ms_at_100_per_s", "ms", p99, $"< {LatencyTargetMs:0}"),
        ];
    }

    /// <summary>Writes the backlog in one statement and times its delivery from the first message taken to the last.</summary>
    private async Task<double> Drain(int run, ConcurrentDictionary<string, TimeSpan> arrived)
    {
        var ids = new List<string>();
        await using (var conn = new NpgsqlConnection(context.ConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
                SELECT 'sms', 'phone', '13' || lpad(($1 * 1000000 + n)::text, 9, '0'), 'member.order.accepted',
                       jsonb_build_object('orderNo', 'WO' || n, 'category', 'home-clean', 'windowStart', '2026-12-07T06:00:00+00:00'),
                       'bench-drain:' || $1 || ':' || n
                FROM generate_series(1, $2) n
                RETURNING id
                """, conn) { CommandTimeout = 300 };
            cmd.Parameters.Add(new NpgsqlParameter { Value = run + 1 });
            cmd.Parameters.Add(new NpgsqlParameter { Value = Backlog });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) ids.Add(r.GetGuid(0).ToString("N"));
        }
        var deadline = _clock.Elapsed + TimeSpan.FromMinutes(5);
        while (ids.Any(id => !arrived.ContainsKey(id)) && _clock.Elapsed < deadline) await Task.Delay(100);
        var times = ids.Select(id => arrived.TryGetValue(id, out var t) ? t : deadline).ToList();
        var span = times.Max() - times.Min();
        return ids.Count / Math.Max(span.TotalSeconds, 0.001);
    }

    /// <summary>One notice per transaction at 100 a second, each timed from its intended write to the provider taking it.</summary>
    private async Task<Samples> Latency(int run, ConcurrentDictionary<string, TimeSpan> arrived)
    {
        var intended = new ConcurrentDictionary<string, TimeSpan>();
        await using var data = NpgsqlDataSource.Create(context.ConnectionString);
        await OpenLoop.Run(100, Steady, async (i, at) =>
        {
            await using var cmd = data.CreateCommand("""
                INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
                VALUES ('sms', 'phone', $1, 'member.order.accepted', $2::jsonb, $3) RETURNING id
                """);
            cmd.Parameters.Add(new NpgsqlParameter { Value = "15" + (run * 100000 + i).ToString("D9") });
            cmd.Parameters.Add(new NpgsqlParameter { Value = $$"""{"orderNo":"WO{{i}}","category":"home-clean","windowStart":"2026-12-07T06:00:00+00:00"}""" });
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"bench-latency:{run}:{i}" });
            intended[((Guid)(await cmd.ExecuteScalarAsync())!).ToString("N")] = at;
        }, _clock);
        var deadline = _clock.Elapsed + TimeSpan.FromSeconds(60);
        while (intended.Keys.Any(id => !arrived.ContainsKey(id)) && _clock.Elapsed < deadline) await Task.Delay(100);
        var samples = new Samples();
        foreach (var (id, at) in intended) samples.Add(((arrived.TryGetValue(id, out var t) ? t : deadline) - at).TotalMilliseconds);
        return samples;
    }
}
