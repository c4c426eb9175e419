using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>SLA clocks on a live order: warnings and breaches reach the agents' screens and the order's record.</summary>
public sealed class SlaTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
    {
        ["HomeService:WorkOrders:AcceptTimeout"] = "00:10:00",
        ["HomeService:WorkOrders:DispatchSla"] = "00:00:05",
    });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task An_order_nobody_accepts_in_time_warns_and_then_breaches_live_on_the_agents_screens()
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
    }
}
