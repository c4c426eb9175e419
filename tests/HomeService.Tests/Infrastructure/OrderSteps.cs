using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HomeService.Tests.Infrastructure;

/// <summary>Steps many tests take to put a service order where they need it, through the same API an agent uses.</summary>
public static class OrderSteps
{
    /// <summary>An agent takes the order in (the body as POST /api/orders takes it); returns once dispatch has offered it to M001.</summary>
    public static async Task<string> OfferedToM001(WebSession agent, object order)
    {
        var created = await agent.Http.PostAsJsonAsync("/api/orders", order);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        await Eventually.True(async () =>
        {
            var view = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");
            return view.GetProperty("status").GetString() == "Offered" && view.GetProperty("merchantId").GetString() == "M001";
        }, TimeSpan.FromSeconds(10), "offered to M001");
        return orderNo;
    }

    /// <summary>
    /// An agent takes a home-cleaning order in 金水区, M001 accepts it and assigns W001, who checks in and out: the order is
    /// completed and its follow-up will fall due after the deployment's FollowUpDelay.
    /// </summary>
    public static async Task<string> Completed(RunningWeb web, WebSession agent, string? memberId = null, string phone = "13655556666")
    {
        var created = await (await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            memberId, contactName = "赵女士", contactPhone = phone, category = "home-clean", address = "金水区纬五路 3 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(3),
        })).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = created.GetProperty("orderNo").GetString()!;
        using var merchant = await WebSession.SignIn(web, "merchant1");
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).StatusCode);
        using var worker = await WebSession.SignIn(web, "worker1");
        foreach (var step in new[] { "check-in", "check-out" })
            Assert.Equal(HttpStatusCode.OK, (await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).StatusCode);
        return orderNo;
    }
}
