using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// Agent outbound (座席外呼) with the dispatch pop (去电弹屏): the agent calls a merchant about a work order from the
/// console; the switch dials, the console pops the merchant and the order, and the agent is on the call until the
/// switch reports the hang-up.
/// </summary>
public sealed class OutboundCallTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private SimulatedSwitch Switch => _deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    [Fact]
    public async Task An_agent_calls_a_merchant_about_an_order_sees_the_pop_is_on_the_call_and_then_in_wrap_up()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        await using var live = await LiveClient.Connect(_web, agent);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsync("/api/console/login", null)).StatusCode);

        // Not ready yet: the switch is not asked to dial.
        var early = await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "merchant", id = "M001", orderNo = "WO20261118002" });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.DoesNotContain(Switch.Commands, c => c.Command == "originate" && c.Argument!.Contains("agent-outbound"));

        // An order of another merchant is refused, naming the field.
        await agent.Http.PostAsync("/api/console/ready", null);
        var wrongOrder = await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "merchant", id = "M002", orderNo = "WO20261118002" });
        Assert.Equal(HttpStatusCode.BadRequest, wrongOrder.StatusCode);
        Assert.True((await wrongOrder.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orderNo", out _));

        var response = await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "merchant", id = "M001", orderNo = "WO20261118002" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var callId = answer.GetProperty("call").GetProperty("callId").GetString()!;
        Assert.StartsWith("sim-out-", callId);
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "originate" && c.Argument == "037160001001 8001 agent-outbound");

        var pop = await live.Next("call.outbound", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var target = pop.GetProperty("target");
        Assert.Equal(("merchant", "M001", "郑州安心家政服务有限公司"),
            (target.GetProperty("kind").GetString(), target.GetProperty("id").GetString(), target.GetProperty("name").GetString()));
        Assert.Equal("037****1001", target.GetProperty("phoneMasked").GetString());
        Assert.False(string.IsNullOrEmpty(target.GetProperty("level").GetString()));
        var order = target.GetProperty("order");
        Assert.Equal(("WO20261118002", "InService"), (order.GetProperty("orderNo").GetString(), order.GetProperty("status").GetString()));
        Assert.DoesNotContain("037160001001", pop.GetRawText()); // the browser never gets the number

        // While the switch dials, the seat is taken: no second call out.
        Assert.Equal(HttpStatusCode.Conflict,
            (await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "number", number = "13912345678" })).StatusCode);

        using var cti = new SwitchClient(_web);
        var answered = await cti.Answered(callId, "8001");
        Assert.Equal("Connected", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "OnCall");
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "record-start");

        var ended = await cti.HangUp(callId);
        Assert.Equal("Ended", (await ended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
        Assert.Equal(["originated", "answered", "recording-started", "recording-stopped", "ended"],
            call.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("what").GetString()));
        Assert.Equal(("outbound", "A001"), (call.GetProperty("dialled").GetString(), call.GetProperty("agentId").GetString()));
    }

    [Fact]
    public async Task A_number_nobody_answers_gives_the_agent_back_ready()
    {
        using var agent = await WebSession.SignIn(_web, "agent2");
        await using var live = await LiveClient.Connect(_web, agent);
        await agent.Http.PostAsync("/api/console/login", null);
        await agent.Http.PostAsync("/api/console/ready", null);
        var bad = await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "number", number = "12" });
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("number", out _));

        var response = await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "number", number = "139 1234 5678" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var callId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("call").GetProperty("callId").GetString()!;
        await live.Next("call.outbound", p => p.GetProperty("target").GetProperty("phoneMasked").GetString() == "139****5678");

        using var cti = new SwitchClient(_web);
        await cti.Send($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "no-answer" }, $"{callId}:hangup");
        await live.Next("agent.status", p => p.GetProperty("status").GetString() == "Available" && p.GetProperty("callId").ValueKind == JsonValueKind.Null);
        Assert.DoesNotContain(Switch.CommandsFor(callId), c => c.Command == "record-start");

        // The agent gives up while it still dials: accepting is not theirs to do, hanging up cancels.
        var again = await agent.Http.PostAsJsonAsync("/api/console/outbound", new { target = "member", id = "R0001" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("call").GetProperty("callId").GetString()!;
        Assert.Contains(Switch.CommandsFor(second), c => c.Command == "originate" && c.Argument!.StartsWith("13800138000 8002 "));
        Assert.Equal(HttpStatusCode.Conflict, (await agent.Http.PostAsync($"/api/console/calls/{second}/accept", null)).StatusCode);
        var cancelled = await agent.Http.PostAsync($"/api/console/calls/{second}/hangup", null);
        Assert.Equal("Ended", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Contains(Switch.CommandsFor(second), c => c.Command == "hangup" && c.Argument == "caller");
        Assert.Equal("Available", (await agent.Http.GetFromJsonAsync<JsonElement>("/api/console")).GetProperty("agent").GetProperty("status").GetString());
    }
}
