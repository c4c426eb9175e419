using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.CallCenter;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>Nothing stays stuck: ring-all races, consoles that vanish, and hang-ups the switch never reports.</summary>
public sealed class CallRobustnessTests : IAsyncLifetime
{
    private const string Hotline = "037112345";
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    private readonly CancellationTokenSource _consoles = new();

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
        {
            ["HomeService:CallCenter:PresenceGrace"] = "00:00:06",
            ["HomeService:CallCenter:PresenceCheckEvery"] = "00:00:01",
            ["HomeService:CallCenter:CallSanityCheckEvery"] = "00:00:01",
            ["HomeService:CallCenter:SeatHeldCheckAfter"] = "00:00:02",
        });
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
    }

    public async Task DisposeAsync()
    {
        await _consoles.CancelAsync();
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    [Fact]
    public async Task Ring_all_rings_every_free_agent_and_the_first_to_answer_wins()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PutAsJsonAsync("/api/queues/service", new { strategy = "ring-all" })).StatusCode);
        var (agent1, live1) = await ReadyAgent("agent1");
        var (agent2, live2) = await ReadyAgent("agent2");
        var callId = await Offer("13811112222");

        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var first = agent2.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        var second = agent1.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        var results = await Task.WhenAll(first, second);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Conflict);

        var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
        var winner = call.GetProperty("agentId").GetString();
        var loserLive = winner == "A001" ? live2 : live1;
        Assert.Equal("released", (await loserLive.Next("call.gone", p => p.GetProperty("callId").GetString() == callId)).GetProperty("reason").GetString());
        await loserLive.Next("agent.status", p => p.GetProperty("status").GetString() == "Available");
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task An_agent_whose_console_disappears_is_logged_out_after_the_grace_period()
    {
        var (agent, live) = await ReadyAgent("agent3", heartbeat: false);
        // No heartbeats from here on: the browser is gone.
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "Offline", TimeSpan.FromSeconds(40));
        var state = await agent.Http.GetFromJsonAsync<JsonElement>("/api/console");
        Assert.Equal("Offline", state.GetProperty("agent").GetProperty("status").GetString());
        await using (live) { }
    }

    [Fact]
    public async Task A_hang_up_the_switch_never_reports_is_found_by_the_sanity_check_and_the_agent_is_freed()
    {
        var (agent, live) = await ReadyAgent("agent1");
        var callId = await Offer("13833334444");
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var accepted = await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);

        // The caller is gone at the switch, but no hang-up event ever reaches the platform.
        _deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>().CallerGone(callId);
        var ended = await live.Next("call.updated", p => p.GetProperty("status").GetString() == "Ended", TimeSpan.FromSeconds(15));
        Assert.Equal("lost-hangup", ended.GetProperty("endCause").GetString());
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        await using (live) { }
    }

    [Fact]
    public async Task A_caller_lost_in_the_platform_ivr_without_a_hang_up_is_ended_by_the_sanity_check()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var callId = await Offer("13855556666", ivrChoice: null); // no choice: the platform's menu asks
        Assert.Equal("Ivr", (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}")).GetProperty("status").GetString());

        _deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>().CallerGone(callId);
        JsonElement call = default;
        await Eventually.True(async () =>
        {
            call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
            return call.GetProperty("status").GetString() == "Ended";
        }, TimeSpan.FromSeconds(15), "the call left in the IVR ends");
        Assert.Equal("lost-hangup", call.GetProperty("endCause").GetString());
    }

    [Fact]
    public async Task An_offer_whose_silo_died_before_the_call_reached_its_queue_is_finished_by_the_switchs_retry()
    {
        var (_, live) = await ReadyAgent("agent1");
        // What a silo leaves behind when it dies between recording the offer and handing the call to its queue: the
        // event and the call's row, committed together, and no queue entry. The switch got an error and retries.
        var callId = await PlantOffer("13833335555");
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
        {
            Content = JsonContent.Create(new { callId, caller = "13833335555", dialled = Hotline, trunk = "T1", ivrChoice = "2" }),
        };
        retry.Headers.Add("Idempotency-Key", $"offer-{callId}");
        Assert.Equal(HttpStatusCode.OK, (await _switch.SendAsync(retry)).StatusCode);

        var pop = await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal("13833335555", pop.GetProperty("caller").GetString());
        await using (live) { }
    }

    [Fact]
    public async Task A_seat_reserved_for_a_call_that_never_rang_it_is_freed_again()
    {
        var (_, live) = await ReadyAgent("agent1");
        // What a queue leaves behind when the call's silo dies between reserving the seat and ringing it: an agent
        // held for a call that knows nothing of them.
        var grains = _deployment.Silos[0].App.Services.GetRequiredService<IGrainFactory>();
        Assert.True(await grains.GetGrain<HomeService.CallCenter.IAgentGrain>("A001").TryReserve($"ghost-{Guid.NewGuid():N}", "service"));
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "Ringing");

        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "Available", TimeSpan.FromSeconds(15));
        var callId = await Offer("13833336666");
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        await using (live) { }
    }

    [Fact]
    public async Task A_queue_that_missed_an_agents_note_reads_its_agents_again_while_a_caller_waits()
    {
        var (_, live) = await ReadyAgent("agent1");
        // What a silo leaves behind when it dies between an agent's change and its note to the queue: the queue
        // believes a free agent is busy (the note it did get last said so, at the agent's current version).
        var grains = _deployment.Silos[0].App.Services.GetRequiredService<IGrainFactory>();
        var queue = grains.GetGrain<IQueueGrain>("service");
        var agent = await grains.GetGrain<IAgentGrain>("A001").Get();
        Assert.Equal(AgentStatus.Available, agent.Status);
        await queue.AgentChanged(agent with { Status = AgentStatus.NotReady });
        await Eventually.True(async () => (await queue.GetView()).AgentsAvailable == 0, TimeSpan.FromSeconds(5), "the queue takes the stale note");

        var callId = await Offer("13833337777");
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(20));
        await using (live) { }
    }

    [Fact]
    public async Task A_call_its_queue_holds_but_whose_queueing_was_lost_with_its_silo_still_rings_an_agent()
    {
        var (_, live) = await ReadyAgent("agent1");
        // What a silo leaves behind when it dies after the queue took the call and before the call recorded it: the
        // offer in the log, the call in its queue. The queue offers it; the call must take that place, not refuse it.
        var callId = await PlantOffer("13833338888");
        await QueueTakes(callId, "13833338888");

        var pop = await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(20));
        Assert.Equal("13833338888", pop.GetProperty("caller").GetString());
        await using (live) { }
    }

    [Fact]
    public async Task A_second_activation_of_a_call_that_missed_its_own_queueing_catches_up_when_the_queue_offers_it()
    {
        var (_, live) = await ReadyAgent("agent1");
        // Two activations of one call, as Orleans allows for a moment while its directory settles after a silo dies:
        // this one read the log before the other wrote "queued" (planted here after it activated), and it is the one
        // the queue reaches.
        var callId = await PlantOffer("13833339999");
        var grains = _deployment.Silos[0].App.Services.GetRequiredService<IGrainFactory>();
        Assert.Equal(CallStatus.Ivr, (await grains.GetGrain<ICallGrain>(callId).Get()).Status);
        await _deployment.Sql($$"""
            INSERT INTO event_log (aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at)
            VALUES ('call', '{{callId}}', 2, 'CallQueued', '{"queueId": "service", "position": 1, "estimatedWaitSeconds": 0, "at": "{{DateTimeOffset.UtcNow:O}}"}', null, now());
            UPDATE call_record SET status = 'Queued' WHERE call_id = '{{callId}}';
            """);
        await QueueTakes(callId, "13833339999");

        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(20));
        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        Assert.Equal(1, call.Timeline.Count(t => t.What == "queued")); // caught up from the log, not queued a second time
        await using (live) { }
    }

    [Fact]
    public async Task An_agent_whose_call_ended_in_another_activation_of_the_call_is_freed_by_the_seat_check()
    {
        var (agent, live) = await ReadyAgent("agent1");
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "Available"); // "ready", so only a later one matches below
        var callId = await Offer("13833330000");
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null)).StatusCode);
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "OnCall");
        var grains = _deployment.Silos[0].App.Services.GetRequiredService<IGrainFactory>();
        var connected = await grains.GetGrain<ICallGrain>(callId).Get();
        Assert.Equal(CallStatus.Connected, connected.Status);

        // The other activation of the call, the one the switch's hang-up reached after a silo died, ended it and told
        // an agent grain that was not this one's: only the log (planted here) knows, and this activation still says
        // "connected". The switch still has the call, so the call's own sanity check finds nothing wrong.
        await _deployment.Sql($$"""
            INSERT INTO event_log (aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at)
            VALUES ('call', '{{callId}}', {{connected.Version + 1}}, 'CallEnded', '{"eventId": "hangup-{{callId}}", "by": "caller", "cause": "normal", "at": "{{DateTimeOffset.UtcNow:O}}"}', null, now());
            """);
        Assert.Equal(CallStatus.Connected, (await grains.GetGrain<ICallGrain>(callId).Get()).Status);

        await live.Next("agent.status", p => p.GetProperty("status").GetString() is "AfterCallWork" or "Available", TimeSpan.FromSeconds(20));
        Assert.NotEqual(AgentStatus.OnCall, (await grains.GetGrain<IAgentGrain>("A001").Get()).Status);
        await using (live) { }
    }

    /// <summary>The queue's side of a call entering it, without the call's own "queued" that normally follows.</summary>
    private Task QueueTakes(string callId, string caller) =>
        _deployment.Silos[0].App.Services.GetRequiredService<IGrainFactory>().GetGrain<IQueueGrain>("service").Enqueue(new QueueRequest(callId, caller, 0, null));

    /// <summary>An offer as the log and the call's row hold it when its silo died before the call reached its queue.</summary>
    private async Task<string> PlantOffer(string caller)
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        await _deployment.Sql($$"""
            INSERT INTO event_log (aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at)
            VALUES ('call', '{{callId}}', 1, 'CallOffered', '{"eventId": "offer-{{callId}}", "caller": "{{caller}}", "dialled": "{{Hotline}}", "trunk": "T1",
                "ivrChoice": null, "queueId": "service", "priority": 0, "at": "{{DateTimeOffset.UtcNow:O}}"}', null, now());
            INSERT INTO call_record (call_id, caller, dialled, queue_id, status, offered_at) VALUES ('{{callId}}', '{{caller}}', '{{Hotline}}', 'service', 'Ivr', now());
            """);
        return callId;
    }

    private async Task<string> Offer(string caller, string? ivrChoice = "2")
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls") { Content = JsonContent.Create(new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice }) };
        request.Headers.Add("Idempotency-Key", $"offer-{callId}");
        Assert.Equal(HttpStatusCode.OK, (await _switch.SendAsync(request)).StatusCode);
        return callId;
    }

    /// <summary>
    /// An agent at a console: like console.js it sends a heartbeat every second, so the short presence grace these
    /// tests set (6 s) logs out only the agent whose console is meant to disappear, never one held up by a busy machine
    /// (a 12-second stall once logged agent1 out between "login" and "ready").
    /// </summary>
    private async Task<(WebSession Session, LiveClient Live)> ReadyAgent(string login, bool heartbeat = true)
    {
        var session = await WebSession.SignIn(_web, login);
        if (heartbeat)
            _ = Task.Run(async () =>
            {
                while (!_consoles.IsCancellationRequested)
                {
                    try { await session.Http.PostAsync("/api/console/heartbeat", null, _consoles.Token); } catch { /* the test ended */ }
                    try { await Task.Delay(TimeSpan.FromSeconds(1), _consoles.Token); } catch (OperationCanceledException) { }
                }
            });
        var live = await LiveClient.Connect(_web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/ready", null)).StatusCode);
        return (session, live);
    }
}
