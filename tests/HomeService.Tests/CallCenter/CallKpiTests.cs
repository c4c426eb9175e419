using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// Live and historical KPIs on real simulated calls through the telephony API and the consoles: supervisors get
/// kpi.updated pushes, the live figures for a closed range equal the report's, and the report exports as CSV.
/// </summary>
public sealed class CallKpiTests : IAsyncLifetime
{
    private const string Hotline = "037112345";
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    public async Task InitializeAsync()
    {
        // Two silos: the calls' and agents' events are committed on either, and both silos' taps feed the one KPI grain.
        _deployment = await TestDeployment.Start(silos: 2, webHosts: 1);
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
    }

    public async Task DisposeAsync()
    {
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    private IEnumerable<SimulatedSwitch> Switches => _deployment.Silos.Select(s => s.App.Services.GetRequiredService<SimulatedSwitch>());

    [Fact]
    public async Task A_scripted_run_of_calls_shows_live_and_the_live_figures_of_a_closed_range_equal_the_report()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        await using var wallboard = await LiveClient.Connect(_web, supervisor);
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (agent1, live1) = await ReadyAgent("agent1");
        var (agent2, live2) = await ReadyAgent("agent2");

        // c1: answered by agent1, held, transferred to agent2, who finishes it: one answered call, two handled legs, one transfer.
        var c1 = await Offer("13812340001");
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == c1);
        Assert.Equal("Connected", await CallStatus(agent1, c1, "accept"));
        Assert.Equal("OnHold", await CallStatus(agent1, c1, "hold"));
        Assert.Equal("Connected", await CallStatus(agent1, c1, "unhold"));
        Assert.Equal(HttpStatusCode.OK, (await agent1.Http.PostAsJsonAsync($"/api/console/calls/{c1}/transfer", new { kind = "agent", id = "A002" })).StatusCode);
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == c1);
        Assert.Equal("Connected", await CallStatus(agent2, c1, "accept"));
        await Cti($"/api/cti/calls/{c1}/hangup", new { leg = "caller", cause = "normal" }, $"hangup-{c1}");

        // The wallboard hears of it without asking.
        // Generous: on a loaded two-core run the forward from the silo that committed the answer once took longer than the default.
        var pushed = await wallboard.Next("kpi.updated", p => p.GetProperty("center").GetProperty("today").GetProperty("answered").GetInt32() >= 1,
            TimeSpan.FromSeconds(45));
        Assert.Contains(pushed.GetProperty("queues").EnumerateArray(), q => q.GetProperty("queueId").GetString() == "service"
            && q.GetProperty("rolling15m").GetProperty("offered").GetInt32() == 1 && q.GetProperty("serviceLevelSeconds").GetInt32() == 20);

        // Nobody free: c2 hangs up at once (a short abandon), c3 after six seconds (a late one).
        await NotReady(agent1);
        await NotReady(agent2);
        var c2 = await Offer("13812340002");
        await Cti($"/api/cti/calls/{c2}/hangup", new { leg = "caller", cause = "caller-abandoned" }, $"hangup-{c2}");
        var c3 = await Offer("13812340003");
        await Task.Delay(TimeSpan.FromSeconds(6));
        await Cti($"/api/cti/calls/{c3}/hangup", new { leg = "caller", cause = "caller-abandoned" }, $"hangup-{c3}");

        // c4 waits past the (now one-second) maximum, takes a callback, and agent1 calls back: a callback, not an abandon.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PutAsJsonAsync("/api/queues/service", new { maxWaitSeconds = 1, offerCallback = true })).StatusCode);
        var c4 = await Offer("13812340004");
        await Eventually.True(() => Task.FromResult(Switches.Any(s => s.CommandsFor(c4).Any(c => c.Command == "collect"))),
            TimeSpan.FromSeconds(20), "the caller is offered a callback");
        await Cti($"/api/cti/calls/{c4}/dtmf", new { digits = "1" }, $"dtmf-{c4}");
        await Cti($"/api/cti/calls/{c4}/hangup", new { leg = "caller", cause = "normal" }, $"hangup1-{c4}");
        Assert.Equal(HttpStatusCode.OK, (await agent1.Http.PostAsync("/api/console/ready", null)).StatusCode);
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == c4);
        Assert.Equal("Connected", await CallStatus(agent1, c4, "accept"));
        await Cti($"/api/cti/calls/{c4}/hangup", new { leg = "caller", cause = "normal" }, $"hangup2-{c4}");
        await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        await NotReady(agent1);

        // A closed range: it ends in the past, so nothing more can happen in it.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var to = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}&by=15m";

        var report = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/reports/calls?{range}");
        var total = report.GetProperty("total");
        Assert.Equal(4, total.GetProperty("offered").GetInt32());
        Assert.Equal(1, total.GetProperty("answered").GetInt32());
        Assert.Equal(2, total.GetProperty("abandoned").GetInt32());
        Assert.Equal(1, total.GetProperty("shortAbandons").GetInt32());
        Assert.Equal(1, total.GetProperty("callbacksRequested").GetInt32());
        Assert.Equal(1, total.GetProperty("callbacksMade").GetInt32());
        Assert.Equal(3, total.GetProperty("handled").GetInt32()); // agent1 and agent2 on c1, agent1 on c4
        Assert.Equal(1, total.GetProperty("transfers").GetInt32());
        Assert.Equal(0, total.GetProperty("ivrSelfService").GetInt32());
        Assert.Equal(50.0, total.GetProperty("abandonRate").GetDouble()); // 2 of 4
        Assert.True(total.GetProperty("holdMs").GetInt64() > 0);
        Assert.True(total.GetProperty("wrapUpMs").GetInt64() > 0);
        Assert.True(total.GetProperty("occupancy").GetDouble() is > 0 and < 100);

        // The live figures of the same closed range are the report's, interval by interval. The taps forward one-way, so
        // the live side may need a moment to hear the last events.
        string? live = null;
        try
        {
            await Eventually.True(async () =>
            {
                var answer = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/kpis/live/report?{range}");
                live = Figures(answer);
                return live == Figures(report);
            }, TimeSpan.FromSeconds(30), "the live figures equal the report's");
        }
        catch (TimeoutException)
        {
            // Fall through: the comparison below shows which figures differ.
        }
        Assert.Equal(Figures(report), live);

        // CSV: the header in the reader's language, a row per interval and the total; UTF-8 with a BOM for spreadsheets.
        var csv = await supervisor.Http.GetAsync($"/api/reports/calls?{range}&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).TrimEnd('\n').Split('\n');
        Assert.StartsWith("开始,结束,座席,呼入量,接通量,放弃量", lines[0]);
        Assert.Equal(report.GetProperty("rows").GetArrayLength() + 2, lines.Length);
        Assert.StartsWith("4,1,2,1,", lines[^1].Split(',', 4)[3]); // the total row: offered, answered, abandoned, short abandons
        using var asked = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/calls?{range}");
        asked.Headers.Accept.ParseAdd("text/csv");
        Assert.Equal("text/csv", (await supervisor.Http.SendAsync(asked)).Content.Headers.ContentType?.MediaType);

        // Agent rows: agent1 handled two legs, agent2 one (the transferred call).
        var byAgent = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/reports/calls?{range.Replace("by=15m", "by=agent")}");
        var handled = byAgent.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("agentId").GetString()!, r => r.GetProperty("kpis").GetProperty("handled").GetInt32());
        Assert.Equal(2, handled["A001"]);
        Assert.Equal(1, handled["A002"]);
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task A_bad_report_query_is_a_problem_naming_the_field_and_the_page_draws_the_report()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        async Task<JsonElement> Errors(string query)
        {
            var response = await supervisor.Http.GetAsync($"/api/reports/calls?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        }
        Assert.True((await Errors("by=week")).TryGetProperty("by", out _));
        Assert.True((await Errors("queue=nope")).TryGetProperty("queue", out _));
        Assert.True((await Errors("from=2026-11-20&to=2026-11-10")).TryGetProperty("to", out _));
        Assert.True((await Errors("from=2026-01-01&to=2026-11-10&by=day")).TryGetProperty("to", out _)); // over 92 days
        Assert.True((await Errors("from=yesterday")).TryGetProperty("from", out _));

        var page = await supervisor.Http.GetStringAsync("/reports/calls?by=hour&queue=service");
        Assert.Contains("id=\"call-report\"", page);
        Assert.Contains("/lib/echarts/echarts.min.js", page);
        Assert.Contains("format=csv", page);
        var wallboard = await supervisor.Http.GetStringAsync("/wallboard");
        Assert.Contains("id=\"live-kpis\"", wallboard);
        Assert.Contains("data-queue=\"service\"", wallboard);
    }

    [Fact]
    public async Task A_supervisor_sets_a_queues_service_level_and_the_live_figures_use_it()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var bad = await supervisor.Http.PutAsJsonAsync("/api/kpis/service-levels/complaint", new { withinSeconds = 0, targetPercent = 101 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("withinSeconds", out _));
        Assert.True(errors.TryGetProperty("targetPercent", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.PutAsJsonAsync("/api/kpis/service-levels/nope", new { withinSeconds = 30, targetPercent = 90 })).StatusCode);

        var set = await supervisor.Http.PutAsJsonAsync("/api/kpis/service-levels/complaint", new { withinSeconds = 30, targetPercent = 90 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var live = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/kpis/live");
        var complaint = live.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "complaint");
        Assert.Equal(30, complaint.GetProperty("serviceLevelSeconds").GetInt32());
        Assert.Equal(90, complaint.GetProperty("serviceLevelTarget").GetInt32());
        var service = live.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "service");
        Assert.Equal(20, service.GetProperty("serviceLevelSeconds").GetInt32()); // the default, 80 % in 20 s
        Assert.Equal(80, service.GetProperty("serviceLevelTarget").GetInt32());
        Assert.Equal(1L, await _deployment.Scalar<long>("SELECT count(*) FROM event_log WHERE aggregate_type = 'queue_service_level' AND aggregate_id = 'complaint'"));
    }

    // The figures of a report, without its echo of the query (the two endpoints name the same range either way).
    private static string Figures(JsonElement report) => report.GetProperty("rows").GetRawText() + report.GetProperty("total").GetRawText();

    private async Task<string> Offer(string caller)
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        return callId;
    }

    private async Task<(WebSession Session, LiveClient Live)> ReadyAgent(string login)
    {
        var session = await WebSession.SignIn(_web, login);
        var live = await LiveClient.Connect(_web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/ready", null)).StatusCode);
        return (session, live);
    }

    private static async Task NotReady(WebSession agent) =>
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsJsonAsync("/api/console/not-ready", new { reason = "break" })).StatusCode);

    private static async Task<string?> CallStatus(WebSession agent, string callId, string action)
    {
        var response = await agent.Http.PostAsync($"/api/console/calls/{callId}/{action}", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {body}");
        return body.GetProperty("status").GetString();
    }

    private async Task<HttpResponseMessage> Cti(string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await _switch.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }
}
