using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// An IVR follow-up campaign (IVR外呼回访) in the cluster against simulated answers: the switch's events for the calls it
/// was told to place come in through /api/cti like a real switch's. One answers and presses 4, which becomes the
/// order's follow-up score; the other never answers and is handed over as unreachable. (Pacing, retry delays and
/// allowed hours are clock rules, tested on a fake clock in CampaignDialerTests.)
/// </summary>
public sealed class CampaignTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
        {
            ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01",
            ["HomeService:Campaigns:TickEvery"] = "00:00:01",
        });
        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private SimulatedSwitch Switch => _deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    [Fact]
    public async Task A_follow_up_campaign_dials_one_at_a_time_and_hands_the_key_pressed_to_the_order()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        var first = await CompletedOrder(agent, "13655550001");
        var second = await CompletedOrder(agent, "13655550002");
        await Eventually.True(async () =>
        {
            var due = (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray().Select(o => o.GetProperty("orderNo").GetString()).ToList();
            return due.Contains(first) && due.Contains(second);
        }, TimeSpan.FromSeconds(30), "both follow-ups fall due");

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var notDue = await supervisor.Http.PostAsJsonAsync("/api/campaigns", new { name = "回访", kind = "follow-up", orderNos = new[] { "WO20261118002" } });
        Assert.True((await notDue.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("orderNos", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PostAsJsonAsync("/api/campaigns", new { name = "x" })).StatusCode);

        var created = await supervisor.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "服务回访", kind = "follow-up", orderNos = new[] { first, second }, pacing = 1, retryAfterMinutes = 30, maxAttempts = 1,
            allowedFrom = "00:00", allowedTo = "00:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaignId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PostAsync($"/api/campaigns/{campaignId}/start", null)).StatusCode);

        using var cti = new SwitchClient(_web);
        var call1 = await Originated(campaignId, 1);
        Assert.StartsWith("13655550001 ", call1.Argument);
        Assert.Single(Dialled(campaignId)); // pacing 1: the second number waits while the first call is in flight
        var view = await Cti(cti, $"/api/cti/calls/{call1.CallId}/answered", new { seat = (string?)null }, "answered");
        Assert.Equal("Connected", view.GetProperty("status").GetString());
        Assert.Contains(Switch.CommandsFor(call1.CallId), c => c.Command == "collect" && c.Argument!.Contains("按5"));
        await Cti(cti, $"/api/cti/calls/{call1.CallId}/dtmf", new { digits = "9" }, "dtmf-9"); // not a score: asked again
        Assert.Equal(2, Switch.CommandsFor(call1.CallId).Count(c => c.Command == "collect"));
        view = await Cti(cti, $"/api/cti/calls/{call1.CallId}/dtmf", new { digits = "4" }, "dtmf-4");
        Assert.Equal("Ended", view.GetProperty("status").GetString());

        var call2 = await Originated(campaignId, 2);
        Assert.StartsWith("13655550002 ", call2.Argument);
        await Cti(cti, $"/api/cti/calls/{call2.CallId}/hangup", new { leg = "caller", cause = "no-answer" }, "hangup");

        await Eventually.True(async () =>
            (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("status").GetString() == "Finished",
            TimeSpan.FromSeconds(30), "the campaign finishes");
        var campaign = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}");
        var results = campaign.GetProperty("targets").EnumerateArray()
            .Select(t => (t.GetProperty("orderNo").GetString(), t.GetProperty("number").GetString(), t.GetProperty("result").GetString(),
                t.GetProperty("attempts").GetInt32())).ToList();
        Assert.Equal([(first, "136****0001", "answered", 1), (second, "136****0002", "out-of-attempts", 1)], results);
        Assert.Equal("4", campaign.GetProperty("targets")[0].GetProperty("digits").GetString());

        await Eventually.True(async () => (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{first}")).GetProperty("score") is
            { ValueKind: JsonValueKind.Number } score && score.GetInt32() == 4, TimeSpan.FromSeconds(10), "the IVR score reaches the order");
        Assert.Equal(1L, await _deployment.Scalar<long>("""
            SELECT count(*) FROM event_log WHERE aggregate_id = $1 AND event_type = 'FollowUpRecorded'
              AND payload->>'channel' = 'ivr' AND (payload->>'unreachable')::boolean
            """, second));
        Assert.Equal(2L, await _deployment.Scalar<long>(
            "SELECT count(*) FROM ivr_campaign_target WHERE campaign_id = $1 AND result IS NOT NULL AND handed_over", campaignId));
    }

    [Fact]
    public async Task A_callee_who_answers_but_presses_nothing_is_said_goodbye_to_and_counted_as_no_key()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var created = await supervisor.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "停水通知", kind = "notice", prompt = "明日停水，知悉请按1。", numbers = new[] { "13655550009" }, pacing = 1, retryAfterMinutes = 30,
            maxAttempts = 1, allowedFrom = "00:00", allowedTo = "00:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaignId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PostAsync($"/api/campaigns/{campaignId}/start", null)).StatusCode);

        using var cti = new SwitchClient(_web);
        var call = await Originated(campaignId, 1);
        await Cti(cti, $"/api/cti/calls/{call.CallId}/answered", new { seat = (string?)null }, "answered");
        // The switch's key collection ran out: an empty dtmf (telephony §6.2).
        var view = await Cti(cti, $"/api/cti/calls/{call.CallId}/dtmf", new { digits = "" }, "dtmf-timeout");
        Assert.Equal("Ended", view.GetProperty("status").GetString());
        Assert.Contains(Switch.CommandsFor(call.CallId), c => c.Command == "play" && c.Argument!.Contains("未收到您的按键"));
        Assert.Contains(Switch.CommandsFor(call.CallId), c => c.Command == "hangup");

        await Eventually.True(async () =>
            (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("status").GetString() == "Finished",
            TimeSpan.FromSeconds(30), "the campaign finishes");
        var target = (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("targets")[0];
        Assert.Equal("no-key", target.GetProperty("lastOutcome").GetString());
        Assert.Equal("out-of-attempts", target.GetProperty("result").GetString());
    }

    private IEnumerable<SwitchCommand> Dialled(string campaignId) =>
        Switch.Commands.Where(c => c.Command == "originate" && c.Argument!.EndsWith($"campaign:{campaignId}"));

    /// <summary>
    /// The nth call the campaign had the switch place, once the platform knows it: the switch names the call before the
    /// platform records it, so an event sent in between would get 404 (docs/telephony.md §10.10: retry those).
    /// </summary>
    private async Task<SwitchCommand> Originated(string campaignId, int nth)
    {
        await Eventually.True(() => Task.FromResult(Dialled(campaignId).Count() >= nth), TimeSpan.FromSeconds(30), $"call {nth} is placed");
        var command = Dialled(campaignId).ElementAt(nth - 1);
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        await Eventually.True(async () => (await supervisor.Http.GetAsync($"/api/calls/{command.CallId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), $"call {nth} is known");
        return command;
    }

    private static async Task<JsonElement> Cti(SwitchClient cti, string path, object body, string key)
    {
        var response = await cti.Send(path, body, $"{path}:{key}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {json}");
        return json;
    }

    private async Task<string> CompletedOrder(WebSession agent, string phone)
    {
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            contactName = "赵女士", contactPhone = phone, category = "home-clean", address = "金水区纬五路 3 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(3),
        });
        using var merchant = await WebSession.SignIn(_web, "merchant1");
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).StatusCode);
        using var worker = await WebSession.SignIn(_web, "worker1");
        foreach (var step in new[] { "check-in", "check-out" })
            Assert.Equal(HttpStatusCode.OK, (await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).StatusCode);
        return orderNo;
    }
}
