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
}
