using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// A call an agent missed (rejected or let ring out) is offered to that agent again: after the ring-again delay, and at once
/// when nobody else could take it. Before, the caller waited while the only available agent was never rung again.
/// </summary>
public sealed class MissedCallOfferedAgainTests : IAsyncLifetime
{
    private const string Hotline = "037112345";
    private static readonly TimeSpan RingAgainDelay = TimeSpan.FromMinutes(5); // long, so a re-offer inside it proves the exemption
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1,
            new() { ["HomeService:CallCenter:RingAgainDelay"] = RingAgainDelay.ToString() });
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        await _deployment.Sql("UPDATE call_queue SET ring_timeout_seconds = 6");
    }

    public async Task DisposeAsync()
    {
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    [Fact]
    public async Task An_agent_who_let_the_call_ring_out_and_is_ready_again_gets_it_again()
    {
        await _deployment.Sql("UPDATE call_queue SET max_no_answers = 1"); // one ring-out sets the seat not ready
        var (agent1, live1) = await ReadyAgent("agent1");
        var callId = await Offer("13911112222");

        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var gone = await live1.Next("call.gone", p => p.GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(30));
        Assert.Equal("no-answer", gone.GetProperty("reason").GetString());
        await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "NotReady");

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await agent1.Http.PostAsync("/api/console/ready", null)).StatusCode);
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < RingAgainDelay, "the only agent who can take the call is rung again well inside the ring-again delay");
        Assert.Equal("Connected", await CallStatus(agent1, callId, "accept"));
        await using (live1) { }
    }

    [Fact]
    public async Task A_call_one_agent_rejected_and_another_let_ring_out_rings_again_at_the_one_still_available()
    {
        var (agent2, live2) = await ReadyAgent("agent2"); // ready first: longest idle, rung first
        var (agent1, live1) = await ReadyAgent("agent1");
        var callId = await Offer("13911113333");

        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        await CallStatus(agent2, callId, "reject");
        await live2.Next("call.gone", p => p.GetProperty("callId").GetString() == callId);
        Assert.Equal(HttpStatusCode.OK, (await agent2.Http.PostAsJsonAsync("/api/console/not-ready", new { reason = "break" })).StatusCode);

        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var gone = await live1.Next("call.gone", p => p.GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(30));
        Assert.Equal("no-answer", gone.GetProperty("reason").GetString());

        // agent1 is still Available and nobody else can take the call: it rings at agent1 again, not after the delay.
        await live1.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId, TimeSpan.FromSeconds(30));
        Assert.Equal("Connected", await CallStatus(agent1, callId, "accept"));
        await using (live1) await using (live2) { }
    }

    private async Task<string> Offer(string caller)
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
        {
            Content = JsonContent.Create(new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice = "2" }),
        };
        request.Headers.Add("Idempotency-Key", $"offer-{callId}");
        Assert.Equal(HttpStatusCode.OK, (await _switch.SendAsync(request)).StatusCode);
        return callId;
    }

    private async Task<(WebSession Session, LiveClient Live)> ReadyAgent(string login)
    {
        var session = await WebSession.SignIn(_web, login);
        var live = await LiveClient.Connect(_web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        var ready = await session.Http.PostAsync("/api/console/ready", null);
        Assert.Equal("Available", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return (session, live);
    }

    private static async Task<string?> CallStatus(WebSession agent, string callId, string action)
    {
        var response = await agent.Http.PostAsync($"/api/console/calls/{callId}/{action}", null);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{action}: {(int)response.StatusCode} {body}");
        return body.TryGetProperty("status", out var status) ? status.GetString() : null;
    }
}
