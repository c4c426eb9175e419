using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>An offer nobody answers expires on its own, on a deployment whose offers last 2 s, so no other flow races the clock.</summary>
public sealed class OfferExpiryTests
{
    [Fact]
    public async Task An_unanswered_offer_expires_and_with_nobody_left_the_order_waits_for_manual_dispatch_even_after_an_override()
    {
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 1, new() { ["HomeService:WorkOrders:AcceptTimeout"] = "00:00:02" });
        var web = deployment.WebHosts[0];
        using var agent = await WebSession.SignIn(web, "agent2");
        await using var agentLive = await LiveClient.Connect(web, agent);

        // Only M002 cleans homes in 二七区; it lets the offer lapse, so the order goes to the manual dispatch queue with an alert.
        var order = await (await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("home-clean", "二七区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = order.GetProperty("orderNo").GetString()!;
        Assert.Equal("M002", order.GetProperty("merchantId").GetString());
        await agentLive.Next("order.manual-dispatch", p => p.GetProperty("orderNo").GetString() == orderNo, TimeSpan.FromSeconds(90));

        // An agent's override lapses the same way and the order is back in the queue.
        var manual = await (await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/dispatch", new { merchantId = "M002", reason = "客户指定该公司" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var offeredVersion = manual.GetProperty("version").GetInt64();
        await agentLive.Next("order.updated", p => p.GetProperty("orderNo").GetString() == orderNo && p.GetProperty("status").GetString() == "ManualDispatch"
            && p.GetProperty("version").GetInt64() > offeredVersion, TimeSpan.FromSeconds(90));

        var decisions = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/dispatch");
        Assert.Equal([false, false, true, false], decisions.EnumerateArray().Select(d => d.GetProperty("manual").GetBoolean()));
        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history");
        Assert.Equal(2, history.EnumerateArray().Count(h => h.GetProperty("event").GetString() == "OfferDeclined"));
    }
}
