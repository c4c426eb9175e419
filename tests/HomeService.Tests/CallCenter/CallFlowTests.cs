using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Npgsql;

namespace HomeService.Tests.CallCenter;

/// <summary>A call's whole life through the telephony API, the agent consoles' API and their live pushes.</summary>
public sealed class CallFlowTests : IAsyncLifetime
{
    private const string Hotline = "037112345";
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 2, webHosts: 1);
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        // Short ring timeouts keep the no-answer tests quick; the directory reads them on first use. Six seconds, not two:
        // answering and picking up are a request or two each, and two seconds was too short for them on a loaded machine.
        await Sql("UPDATE call_queue SET ring_timeout_seconds = 6");
    }

    public async Task DisposeAsync()
    {
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    [Fact]
    public async Task A_call_rings_the_longest_idle_agent_with_a_pop_and_goes_through_hold_transfer_and_hangup()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var (agent2, live2) = await ReadyAgent("agent2");

        var callId = $"sim-{Guid.NewGuid():N}";
        var offered = await Cti("/api/cti/calls", new { callId, caller = "13812345678", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, "offer-1");
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);

        var pop = await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("13812345678", pop.GetProperty("caller").GetString());
        Assert.True(pop.GetProperty("newCaller").GetBoolean());

        // The switch retries the same event: nothing happens twice.
        var repeat = await Cti("/api/cti/calls", new { callId, caller = "13812345678", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, "offer-1");
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);

        Assert.Equal("Connected", await CallStatus(agent1, callId, "accept"));
        Assert.Equal("OnCall", (await agent1.Http.GetFromJsonAsync<JsonElement>("/api/console")).GetProperty("agent").GetProperty("status").GetString());
        Assert.Equal("OnHold", await CallStatus(agent1, callId, "hold"));
        Assert.Equal("Connected", await CallStatus(agent1, callId, "unhold"));

        var transferred = await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/transfer", new { kind = "agent", id = "A002" });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var agent1After = await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        Assert.Null(agent1After.GetProperty("callId").GetString());

        Assert.Equal("Connected", await CallStatus(agent2, callId, "accept"));
        var hungUp = await Cti($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, "hangup-1");
        Assert.Equal("Ended", (await hungUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
        var steps = call.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("what").GetString()).ToList();
        // Recording runs from the first answer to the end, across the transfer (自动录音).
        Assert.Equal(["offered", "queued", "ringing", "answered", "recording-started", "hold", "unhold", "transferred", "ringing", "answered",
            "recording-stopped", "ended"], steps);
        var routing = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}/routing");
        var decision = Assert.Single(routing.EnumerateArray());
        Assert.Equal(["A001"], decision.GetProperty("chosen").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("longest-idle-agent", decision.GetProperty("strategy").GetString());
        // Agents left out only for their status are counted per status (A003 never logged in).
        Assert.Contains(decision.GetProperty("skipped").EnumerateArray(),
            s => s.GetProperty("reason").GetString() == "status:Offline" && s.GetProperty("count").GetInt32() >= 1 && !s.TryGetProperty("agentId", out _));

        var today = await agent2.Http.GetFromJsonAsync<JsonElement>("/api/console/calls/today");
        Assert.Contains(today.EnumerateArray(), c => c.GetProperty("callId").GetString() == callId);
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task An_unanswered_call_moves_to_the_next_agent_and_the_first_keeps_its_place()
    {
        var (_, live1) = await ReadyAgent("agent1");
        var (agent2, live2) = await ReadyAgent("agent2");
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller = "13911112222", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");

        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var gone = await live1.Next("call.gone", p => p.GetProperty("callId").GetString() == callId);
        Assert.Equal("no-answer", gone.GetProperty("reason").GetString());
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("Connected", await CallStatus(agent2, callId, "accept"));
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task Telephony_events_need_a_telephony_key_and_an_idempotency_key_and_valid_fields()
    {
        var noKey = await _switch.PostAsJsonAsync("/api/cti/calls", new { callId = "x1", caller = "13800138000", dialled = Hotline });
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        var problem = await noKey.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        var bad = await Cti("/api/cti/calls", new { callId = "bad id!", caller = "abc", dialled = Hotline }, "k-bad");
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("callId", out _));
        Assert.True(errors.TryGetProperty("caller", out _));

        using var partner = new HttpClient { BaseAddress = _web.BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.PartnerKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls") { Content = JsonContent.Create(new { callId = "x2", caller = "13800138000", dialled = Hotline }) };
        request.Headers.Add("Idempotency-Key", "k-partner");
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.SendAsync(request)).StatusCode);

        using var agent = await WebSession.SignIn(_web, "agent3");
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Http.PostAsJsonAsync("/api/cti/calls", new { callId = "x3" })).StatusCode);
    }

    [Fact]
    public async Task A_known_caller_pops_with_their_story_and_goes_to_the_agent_handling_their_open_order()
    {
        var (_, live1) = await ReadyAgent("agent1"); // idle longest, but not the caller's agent
        var (_, live2) = await ReadyAgent("agent2");
        var callId = $"sim-{Guid.NewGuid():N}";
        var offered = await Cti("/api/cti/calls", new { callId, caller = "+8613800138000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);

        var pop = await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("13800138000", pop.GetProperty("caller").GetString());
        Assert.False(pop.GetProperty("newCaller").GetBoolean());
        Assert.Equal("张女士", pop.GetProperty("member").GetProperty("name").GetString());
        Assert.Contains(pop.GetProperty("recentOrders").EnumerateArray(), o => o.GetProperty("orderNo").GetString() == "WO20261118002");
        Assert.Equal("WO20261120003", Assert.Single(pop.GetProperty("openComplaints").EnumerateArray()).GetProperty("orderNo").GetString());
        Assert.Equal("2", pop.GetProperty("ivrChoice").GetString());
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task A_vip_caller_and_a_complaint_go_ahead_of_earlier_callers()
    {
        var early = $"sim-{Guid.NewGuid():N}";
        var complaint = $"sim-{Guid.NewGuid():N}";
        var vip = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId = early, caller = "13911110000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{early}");
        await Cti("/api/cti/calls", new { callId = vip, caller = "13700137000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{vip}");
        await Cti("/api/cti/calls", new { callId = complaint, caller = "13911113333", dialled = Hotline, trunk = "T1", ivrChoice = "3" }, $"offer-{complaint}");

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var queues = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/queues");
        var service = queues.EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "service");
        Assert.Equal([vip, early], service.GetProperty("waitingCallIds").EnumerateArray().Select(c => c.GetString()));
        var complaints = queues.EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "complaint");
        Assert.Equal([complaint], complaints.GetProperty("waitingCallIds").EnumerateArray().Select(c => c.GetString()));

        var (_, live) = await ReadyAgent("agent1");
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == vip);
        await using (live) { }
    }

    [Fact]
    public async Task A_caller_who_hangs_up_and_calls_back_within_a_minute_keeps_their_place()
    {
        var first = $"sim-{Guid.NewGuid():N}";
        var other = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId = first, caller = "13922220000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{first}");
        await Cti("/api/cti/calls", new { callId = other, caller = "13933330000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{other}");
        var abandoned = await Cti($"/api/cti/calls/{first}/hangup", new { leg = "caller", cause = "caller-abandoned" }, $"hangup-{first}");
        Assert.Equal("Ended", (await abandoned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var again = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId = again, caller = "13922220000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{again}");
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var service = (await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/queues")).EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "service");
        Assert.Equal([again, other], service.GetProperty("waitingCallIds").EnumerateArray().Select(c => c.GetString()));

        var record = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{first}");
        Assert.Equal("caller-abandoned", record.GetProperty("endCause").GetString());
    }

    [Fact]
    public async Task A_colleague_in_the_group_can_pick_up_a_call_ringing_elsewhere()
    {
        var (_, live1) = await ReadyAgent("agent1");
        // agent2 is signed in but not ready while the call is offered, so it rings at agent1; once it rings, agent2 only
        // has to become ready and pick up inside the 6-second ring (signing in then raced the ring timeout on a busy machine).
        var (agent2, live2) = await SignedInAgent("agent2");
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller = "13966660000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);

        Assert.True((await agent2.Http.PostAsync("/api/console/ready", null)).IsSuccessStatusCode);
        Assert.Equal("Connected", await CallStatus(agent2, callId, "pickup"));
        await using (live2) { }
        var gone = await live1.Next("call.gone", p => p.GetProperty("callId").GetString() == callId);
        Assert.Equal("released", gone.GetProperty("reason").GetString());
        var agent1 = await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "Available");
        Assert.Null(agent1.GetProperty("callId").GetString());
        await using (live1) { }
    }

    [Fact]
    public async Task A_transfer_nobody_answers_goes_back_into_the_queue()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller = "13977770000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("Connected", await CallStatus(agent1, callId, "accept"));
        var (_, live2) = await ReadyAgent("agent2");
        var transferred = await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/transfer", new { kind = "agent", id = "A002" });
        Assert.Equal(HttpStatusCode.OK, transferred.StatusCode);
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        await live2.Next("call.gone", p => p.GetProperty("callId").GetString() == callId); // agent2 lets it ring out

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        await Eventually.True(async () =>
        {
            var queues = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/queues");
            return queues.EnumerateArray().Any(q => q.GetProperty("waitingCallIds").EnumerateArray().Any(c => c.GetString() == callId));
        }, TimeSpan.FromSeconds(10), "the call waits in its queue again");
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task Events_for_a_call_never_offered_are_404_and_a_body_that_is_not_json_is_415()
    {
        var unknown = await _switch.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls/never-offered/hangup")
        {
            Content = JsonContent.Create(new { leg = "caller" }),
            Headers = { { "Idempotency-Key", "k-unknown" } },
        });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var form = await _switch.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
        {
            Content = new StringContent("callId=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
            Headers = { { "Idempotency-Key", "k-form" } },
        });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("urn:homeservice:problem:unsupported-media-type", (await form.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task An_attended_transfer_rings_the_colleague_first_and_can_be_completed_or_cancelled()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller = "13988880000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("Connected", await CallStatus(agent1, callId, "accept"));
        var (agent2, live2) = await ReadyAgent("agent2");

        // First a consultation that agent1 calls off: agent2 is freed and agent1 has the caller back.
        var consult = await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/consult", new { id = "A002" });
        Assert.Equal("OnHold", (await consult.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("Connected", await CallStatus(agent1, callId, "cancel-consult"));
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "Available");

        // Then one that goes through, with a note for agent2's pop: agent2 answers, talks to agent1, and takes the caller.
        await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/consult", new { id = "agent2", note = "客户想改约周六" });
        var pop = await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal(("林晓燕 (A001)", "客户想改约周六"), (pop.GetProperty("transferredBy").GetString(), pop.GetProperty("transferNote").GetString()));
        var early = await agent1.Http.PostAsync($"/api/console/calls/{callId}/complete-transfer", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var answered = await agent2.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        Assert.True((await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("consultConnected").GetBoolean());
        var completed = await agent1.Http.PostAsync($"/api/console/calls/{callId}/complete-transfer", null);
        var view = await completed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Connected", "A002"), (view.GetProperty("status").GetString(), view.GetProperty("agentId").GetString()));
        await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        var steps = view.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("what").GetString()).ToList();
        Assert.Equal(["consult", "consult-ended", "consult", "consult-answered", "transferred"], steps.SkipWhile(w => w != "consult"));
        await using (live1) await using (live2) { }
    }

    private async Task<(WebSession Session, LiveClient Live)> SignedInAgent(string login)
    {
        var session = await WebSession.SignIn(_web, login);
        var live = await LiveClient.Connect(_web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        return (session, live);
    }

    private async Task<(WebSession Session, LiveClient Live)> ReadyAgent(string login)
    {
        var (session, live) = await SignedInAgent(login);
        var ready = await session.Http.PostAsync("/api/console/ready", null);
        Assert.Equal("Available", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return (session, live);
    }

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
        return await _switch.SendAsync(request);
    }

    private Task Sql(string sql) => _deployment.Sql(sql);
}
