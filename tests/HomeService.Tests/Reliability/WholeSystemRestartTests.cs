using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>
/// The whole system (web host, silos and the PostgreSQL server itself) stops in the middle of a scripted day and
/// starts again on the same data: every acknowledged order and call is there as it was, the read tables agree with
/// the grains, nothing happened twice, and the day goes on. Merchants' credit is not built yet (issue 6), so there is
/// no credit change to check here.
/// </summary>
public sealed class WholeSystemRestartTests
{
    private static readonly Dictionary<string, string?> Settings = new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" };

    [Theory]
    [InlineData(false)] // a planned stop: SIGTERM to the silos, a clean database shutdown
    [InlineData(true)]  // a crash: SIGKILL to the silos, the database server stopped without a checkpoint
    public async Task Everything_acknowledged_before_the_whole_system_stopped_is_there_after_it_starts_again(bool crash)
    {
        using var database = PostgresServer.StartOwn();
        await using var deployment = await TestDeployment.CreateOn(database, Settings);
        var silos = new List<SiloProcess>();
        try
        {
            var web = await StartSystem(deployment, silos);
            using var day = new ScriptedDay(web);
            await day.Run();
            var logBefore = await EventLog(deployment);

            await deployment.StopWeb(web);
            foreach (var silo in silos)
                if (crash) silo.Kill();
                else await silo.Stop();
            database.Stop(immediate: crash);
            database.Start();
            web = await StartSystem(deployment, silos);

            await AssertOrdersAsAcknowledged(deployment, web, day.Orders);
            await AssertCallsAsAcknowledged(deployment, web, day.Calls);
            var logAfter = await EventLog(deployment);
            Assert.Equal(logBefore, logAfter.Take(logBefore.Count));
            await AssertNothingHappenedTwice(deployment);
            await RestartedDay.GoesOn(web, day.Orders, day.CallInProgress);
        }
        finally
        {
            foreach (var silo in silos) await silo.DisposeAsync();
        }
    }

    private static async Task<RunningWeb> StartSystem(TestDeployment deployment, List<SiloProcess> silos)
    {
        silos.Add(await SiloProcess.Start(deployment));
        silos.Add(await SiloProcess.Start(deployment));
        var web = await deployment.StartWeb();
        using var probe = new HttpClient { BaseAddress = web.BaseAddress };
        await Eventually.True(async () => (await probe.GetAsync("/readyz")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), "the web host reaches the cluster");
        return web;
    }

    /// <summary>Each order as its last acknowledgement said, in the grain, in the order list and in the work_order row alike.</summary>
    private static async Task AssertOrdersAsAcknowledged(TestDeployment deployment, RunningWeb web, Dictionary<string, JsonElement> orders)
    {
        using var agent = await WebSession.SignIn(web, "agent3");
        var list = await agent.Http.GetFromJsonAsync<JsonElement>("/api/orders?pageSize=200");
        var rows = list.GetProperty("items").EnumerateArray().Where(r => orders.ContainsKey(r.GetProperty("orderNo").GetString()!)).ToList();
        Assert.Equal(orders.Count, rows.Count); // each acknowledged order listed exactly once
        foreach (var (orderNo, acknowledged) in orders)
        {
            var grain = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");
            Assert.Equal(Summary(acknowledged), Summary(grain));
            Assert.Equal(acknowledged.GetProperty("version").GetInt64(), grain.GetProperty("version").GetInt64());
            var row = rows.Single(r => r.GetProperty("orderNo").GetString() == orderNo);
            Assert.Equal(Summary(grain) with { Score = null }, Summary(row));
            Assert.Equal(Summary(grain).Score, await deployment.Scalar<int?>("SELECT score FROM work_order WHERE order_no = $1", orderNo));
        }
    }

    private sealed record OrderSummary(string Status, string Merchant, string Worker, int? Score);

    private static OrderSummary Summary(JsonElement order) => new(Text(order, "status"), Text(order, "merchantId"), Text(order, "workerId"),
        order.TryGetProperty("score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : null);

    /// <summary>Each call with its whole timeline, its call_record row agreeing, one event in the log per timeline line.</summary>
    private static async Task AssertCallsAsAcknowledged(TestDeployment deployment, RunningWeb web, Dictionary<string, JsonElement> calls)
    {
        using var supervisor = await WebSession.SignIn(web, "supervisor");
        foreach (var (callId, acknowledged) in calls)
        {
            var grain = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
            Assert.Equal(Timeline(acknowledged), Timeline(grain));
            var record = $"{Text(grain, "status")}|{Text(grain, "agentId")}|{Text(grain, "recordingUrl")}";
            Assert.Equal(record, await deployment.Scalar<string>(
                "SELECT status || '|' || coalesce(agent_id, '') || '|' || coalesce(recording_url, '') FROM call_record WHERE call_id = $1", callId));
            Assert.Equal(Timeline(grain).Count, await deployment.Scalar<long>(
                "SELECT count(*) FROM event_log WHERE aggregate_type = 'call' AND aggregate_id = $1", callId));
        }
    }

    /// <summary>What a supervisor reads on the timeline; times to the millisecond (the log keeps microseconds, .NET ticks are finer).</summary>
    private static List<string> Timeline(JsonElement call) => call.GetProperty("timeline").EnumerateArray()
        .Select(t => $"{t.GetProperty("at").GetDateTimeOffset().ToUnixTimeMilliseconds()} {Text(t, "what")} {Text(t, "detail")}").ToList();

    private static async Task AssertNothingHappenedTwice(TestDeployment deployment) => Assert.Equal(0L, await deployment.Scalar<long>("""
        SELECT count(*) FROM (
            SELECT 1 FROM event_log
            WHERE event_type IN ('OrderCreated', 'OrderAccepted', 'WorkerAssigned', 'WorkerCheckedIn', 'WorkerCheckedOut', 'FollowUpRecorded',
                                 'ComplaintRegistered', 'CallOffered', 'CallAnswered', 'CallDigits', 'CallEnded', 'CallRecordingReady')
            GROUP BY aggregate_type, aggregate_id, event_type HAVING count(*) > 1) twice
        """));

    private static async Task<List<string>> EventLog(TestDeployment deployment) => (await deployment.Scalar<string>(
        "SELECT string_agg(aggregate_type || '/' || aggregate_id || '/' || version || '/' || event_type, E'\\n' ORDER BY seq) FROM event_log"))!
        .Split('\n').ToList();

    private static string Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "";
}
