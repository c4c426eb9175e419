using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>An offer nobody answers expires on its own, on deployments with short offers of their own, so no other flow races the clock.</summary>
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

    [Fact]
    public async Task The_merchant_is_reminded_in_its_inbox_and_by_sms_once_before_the_offer_lapses()
    {
        await using var deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
        {
            ["HomeService:WorkOrders:AcceptTimeout"] = "00:00:20", ["HomeService:WorkOrders:OfferReminderBefore"] = "00:00:10",
            ["HomeService:Sms:QuietStart"] = "00:00", ["HomeService:Sms:QuietEnd"] = "00:00",
        });
        var web = deployment.WebHosts[0];
        // M002's owner gives a mobile number on the profile page, so its notices reach a phone (the demo's is a landline).
        using var owner = await WebSession.SignIn(web, "merchant2");
        var profile = await owner.Http.GetFromJsonAsync<JsonElement>("/api/merchant/profile");
        var edited = await owner.Http.PutAsJsonAsync("/api/merchant/profile", new
        {
            contactName = profile.GetProperty("contactName").GetString(), contactPhone = "13700002222", address = profile.GetProperty("address").GetString(),
            categories = profile.GetProperty("categories"), districts = profile.GetProperty("districts"), capacity = profile.GetProperty("capacity").GetInt32(),
        });
        Assert.True(edited.IsSuccessStatusCode, await edited.Content.ReadAsStringAsync());

        using var agent = await WebSession.SignIn(web, "agent2");
        var order = await (await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("home-clean", "二七区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = order.GetProperty("orderNo").GetString()!;
        Assert.Equal("M002", order.GetProperty("merchantId").GetString());

        // About ten seconds before the offer lapses the merchant hears, by SMS and in its inbox, still without the customer's details.
        await Eventually.True(async () => (await DevSmsInbox.Messages(web, "13700002222")).Any(m => m.Template == "order.offer-expiring" && m.Text.Contains(orderNo)),
            TimeSpan.FromSeconds(60), "the reminder SMS reaches the merchant's phone");
        var inbox = await owner.Http.GetFromJsonAsync<JsonElement>("/api/merchant/notifications");
        Assert.Contains(inbox.EnumerateArray(), n => n.GetProperty("template").GetString() == "order.offer-expiring" && n.GetRawText().Contains(orderNo));
        var reminder = Assert.Single(await DevSmsInbox.Messages(web, "13700002222"), m => m.Template == "order.offer-expiring");
        Assert.DoesNotContain("13612345678", reminder.Text);

        // The offer lapses all the same, and that offer was reminded of once.
        await Eventually.True(async () => (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history")).EnumerateArray()
            .Any(h => h.GetProperty("event").GetString() == "OfferDeclined"), TimeSpan.FromSeconds(90), "the unanswered offer lapses");
        var history = (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history")).EnumerateArray()
            .Select(h => h.GetProperty("event").GetString()).ToList();
        Assert.Equal(1, history.Count(e => e == "OfferReminded"));
        Assert.True(history.IndexOf("OfferReminded") < history.IndexOf("OfferDeclined"), string.Join(", ", history));
        Assert.Single(await DevSmsInbox.Messages(web, "13700002222"), m => m.Template == "order.offer-expiring");
    }
}
