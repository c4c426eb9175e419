using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>What happens to callers who wait too long: overflow, queued callback, announcements; and live reconfiguration.</summary>
public sealed class QueueBehaviourTests : IAsyncLifetime
{
    private const string Hotline = "037112345";
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
    }

    public async Task DisposeAsync()
    {
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    private SimulatedSwitch Switch => _deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    [Fact]
    public async Task A_change_to_a_queue_applies_to_calls_already_waiting_and_overflows_them()
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller = "13944440000", dialled = Hotline, trunk = "T1", ivrChoice = "3" }, $"offer-{callId}");
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        Assert.Equal("complaint", (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}")).GetProperty("queueId").GetString());

        var bad = await supervisor.Http.PutAsJsonAsync("/api/queues/complaint", new { strategy = "fastest-typist", maxWaitSeconds = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var changed = await supervisor.Http.PutAsJsonAsync("/api/queues/complaint", new { maxWaitSeconds = 1, overflowQueueId = "service" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);

        await Eventually.True(async () =>
            (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}")).GetProperty("queueId").GetString() == "service",
            TimeSpan.FromSeconds(15), "the waiting complaint call overflows to the service queue");
        var timeline = (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}")).GetProperty("timeline");
        Assert.Contains(timeline.EnumerateArray(), t => t.GetProperty("what").GetString() == "overflow");

        using var agent = await WebSession.SignIn(_web, "agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync("/api/queues/service", new { maxWaitSeconds = 5 })).StatusCode);
    }

    [Fact]
    public async Task A_caller_who_waits_too_long_can_take_a_callback_and_keeps_their_place_until_an_agent_calls_back()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PutAsJsonAsync("/api/queues/service", new { maxWaitSeconds = 1, offerCallback = true, announceEverySeconds = 1 })).StatusCode);
        var callId = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId, caller = "13955550000", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");

        await Eventually.True(() => Task.FromResult(Switch.CommandsFor(callId).Any(c => c.Command == "collect")),
            TimeSpan.FromSeconds(15), "the caller is offered a callback");
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "play" && c.Argument!.Contains("您是下一位"));

        var pressed = await Cti($"/api/cti/calls/{callId}/dtmf", new { digits = "1" }, $"dtmf-{callId}");
        Assert.Equal("CallbackWaiting", (await pressed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "hangup" && c.Argument == "caller");
        var hungUp = await Cti($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hangup-{callId}");
        Assert.Equal("CallbackWaiting", (await hungUp.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var agent = await WebSession.SignIn(_web, "agent1");
        await using var live = await LiveClient.Connect(_web, agent);
        await agent.Http.PostAsync("/api/console/login", null);
        await agent.Http.PostAsync("/api/console/ready", null);
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var accepted = await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        Assert.Equal("Connected", (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Contains(Switch.Commands, c => c.Command == "originate" && c.Argument!.StartsWith("13955550000 8001"));
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
