using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Bench.Harness;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace HomeService.Bench.Scenarios;

/// <summary>
/// The agent's experience: calls offered through the telephony HTTP API at a fixed rate, timed from the intended
/// send to the screen pop (call.ringing) arriving at the agent's SignalR client. Baseline in the same run: a bare
/// hub round trip (Echo) from the same clients at the same rate. Each popped call is answered and hung up from the
/// console, as an agent would, so the seats free up again.
/// </summary>
public sealed class ScreenPopScenario(BenchContext context)
{
    private const string TelephonyKey = "simswitch.demo-telephony-secret-0001";
    private static readonly TimeSpan PopPatience = TimeSpan.FromSeconds(15);

    private int AgentCount => context.Quick ? 50 : 200;
    private double Rate => 50;
    private TimeSpan Duration => TimeSpan.FromSeconds(context.Quick ? 4 : 20);

    private readonly ConcurrentDictionary<string, (TimeSpan Intended, TaskCompletionSource<TimeSpan> Popped)> _calls = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private BenchDb Db => new(context.ConnectionString);

    public async Task<IReadOnlyList<Figure>> Run()
    {
        await using var cluster = new LocalCluster(context.RepoRoot, context.LogDir, context.NodeSettings(new Dictionary<string, string>
        {
            ["HomeService__Security__LoginAttemptsPerAddress"] = "1000000",
        }));
        await cluster.StartSilo(1);
        await using (var connection = await ClusterConnection.Open(context.ConnectionString))
        {
            // Wrap-up off, so an agent who hung up is at once free for the next call of the run.
            await Db.Execute("UPDATE call_queue SET wrap_up_seconds = 0");
            await BenchAgents.Seed(context.ConnectionString, connection.Client, AgentCount);
        }
        var web = await cluster.StartWeb(1);
        await using var agents = await BenchAgents.Connect(web.Http, AgentCount, OnPush);
        using var switchApi = new HttpClient { BaseAddress = web.Http };
        switchApi.DefaultRequestHeaders.Add("X-Api-Key", TelephonyKey);

        // JIT and tiered compilation, activations, connection pools: at the measured rate, so the first run is not a cold one.
        await Echoes(agents);
        await Calls(switchApi, Rate, TimeSpan.FromSeconds(context.Quick ? 4 : 8), "warm");
        var pop = (p50: new List<double>(), p99: new List<double>(), max: new List<double>(), missing: new List<double>());
        var echo = (p50: new List<double>(), p99: new List<double>(), max: new List<double>());
        var ratio = new List<double>();
        for (var run = 0; run < context.Repeats; run++)
        {
            var echoes = await Echoes(agents);
            var (pops, missing) = await Calls(switchApi, Rate, Duration, $"r{run}");
            echo.p50.Add(echoes.Percentile(50)); echo.p99.Add(echoes.Percentile(99)); echo.max.Add(echoes.Max);
            pop.p50.Add(pops.Percentile(50)); pop.p99.Add(pops.Percentile(99)); pop.max.Add(pops.Max); pop.missing.Add(missing);
            ratio.Add(pops.Percentile(99) / echoes.Percentile(99));
            Console.WriteLine($"  run {run + 1}: pop p50 {pops.Percentile(50):0.0} ms p99 {pops.Percentile(99):0.0} ms; echo p99 {echoes.Percentile(99):0.0} ms; {missing} pops missing");
        }
        return
        [
            new("pop_p50_ms", "ms", pop.p50), new("pop_p99_ms", "ms", pop.p99), new("pop_max_ms", "ms", pop.max),
            new("echo_p50_ms", "ms", echo.p50, "baseline"), new("echo_p99_ms", "ms", echo.p99, "baseline"), new("echo_max_ms", "ms", echo.max, "baseline"),
            new("pop_to_echo_p99_ratio", "ratio", ratio, "≤ 3"),
            new("pops_missing", "calls", pop.missing, "0"),
            new("agents", "clients", [AgentCount]), new("offered_calls_per_s", "calls/s", [Rate]),
        ];
    }

    private async Task<Samples> Echoes(BenchAgents agents)
    {
        var samples = new Samples();
        await OpenLoop.Run(Rate, Duration, async (i, intended) =>
        {
            var agent = agents.All[(int)(i % agents.All.Count)];
            await agent.Hub.InvokeAsync<long>("Echo", i);
            samples.Add((_clock.Elapsed - intended).TotalMilliseconds);
        }, _clock);
        return samples;
    }

    private async Task<(Samples Pops, int Missing)> Calls(HttpClient switchApi, double rate, TimeSpan duration, string prefix)
    {
        var samples = new Samples();
        var missing = 0;
        await OpenLoop.Run(rate, duration, async (i, intended) =>
        {
            var callId = $"bench-{prefix}-{i}";
            var popped = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            _calls[callId] = (intended, popped);
            using var offer = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
            {
                Content = JsonContent.Create(new { callId, caller = $"139{i % 100_000_000:00000000}", dialled = "037112345", trunk = "T1", ivrChoice = "2" }),
            };
            offer.Headers.Add("Idempotency-Key", $"{callId}:offer");
            using var response = await switchApi.SendAsync(offer);
            if (!response.IsSuccessStatusCode || await Task.WhenAny(popped.Task, Task.Delay(PopPatience)) != popped.Task)
            {
                Interlocked.Increment(ref missing);
                Console.WriteLine($"  no pop for {callId}: offer answered {(int)response.StatusCode}; call now {await Db.Scalar("SELECT status || coalesce(' ' || agent_id, '') FROM call_record WHERE call_id = $1", callId)}; " +
                    $"its log: {await Db.Scalar("SELECT string_agg(event_type || ' ' || to_char(occurred_at, 'HH24:MI:SS.MS') || coalesce(' ' || (payload->>'agentId'), '') || coalesce(' ' || (payload->'agentIds')::text, ''), ', ' ORDER BY version) FROM event_log WHERE aggregate_type = 'call' AND aggregate_id = $1", callId)}");
                return;
            }
            samples.Add((await popped.Task - intended).TotalMilliseconds);
        }, _clock);
        return (samples, missing);
    }

    /// <summary>A pop is timed on arrival; the agent then takes the call and hangs up, from the console, off the timed path.</summary>
    private void OnPush(BenchAgents.Agent agent, JsonElement push)
    {
        if (push.GetProperty("event").GetString() != "call.ringing") return;
        var arrived = _clock.Elapsed;
        var callId = push.GetProperty("payload").GetProperty("call").GetProperty("callId").GetString()!;
        if (_calls.TryRemove(callId, out var call)) call.Popped.TrySetResult(arrived);
        _ = Task.Run(async () =>
        {
            using var accepted = await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
            using var hungUp = await agent.Http.PostAsync($"/api/console/calls/{callId}/hangup", null);
        });
    }
}
