using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>SLA clocks on a live order: warnings and breaches reach the agents' screens and the order's record, and a breach the duty phone.</summary>
public sealed class SlaTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
    {
        ["HomeService:WorkOrders:AcceptTimeout"] = "00:10:00",
        ["HomeService:WorkOrders:DispatchSla"] = "00:00:05",
        ["HomeService:WorkOrders:DutyPhone"] = DutyPhone,
    });

    private const string DutyPhone = "13900006666";

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task An_order_nobody_accepts_in_time_warns_and_then_breaches_live_on_the_agents_screens_and_the_duty_phone_hears_once()
    {
        var web = _deployment.WebHosts[0];
        using var agent = await WebSession.SignIn(web, "agent1");
        await using var live = await LiveClient.Connect(web, agent);
        var order = await (await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("home-clean", "金水区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = order.GetProperty("orderNo").GetString()!;

        var warning = await live.Next("order.sla", p => p.GetProperty("orderNo").GetString() == orderNo && p.GetProperty("kind").GetString() == "warning",
            TimeSpan.FromSeconds(60));
        Assert.Equal("dispatch", warning.GetProperty("clock").GetString());
        await live.Next("order.sla", p => p.GetProperty("orderNo").GetString() == orderNo && p.GetProperty("kind").GetString() == "breach", TimeSpan.FromSeconds(60));
        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history");
        Assert.Equal(["SlaWarned", "SlaBreached"], history.EnumerateArray().Select(h => h.GetProperty("event").GetString()).Where(e => e!.StartsWith("Sla")));

        // The breach, not the warning, reaches the duty supervisor's mobile: the order and the missed deadline by name.
        await Eventually.True(async () => (await DevSmsInbox.Messages(web, DutyPhone)).Any(m => m.Text.Contains(orderNo)), TimeSpan.FromSeconds(30),
            "the duty phone hears of the breach");
        var sms = Assert.Single(await DevSmsInbox.Messages(web, DutyPhone), m => m.Text.Contains(orderNo));
        Assert.Equal("order.sla-breached", sms.Template);
        Assert.Contains("超过派单时限", sms.Text);
    }
}
