using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>The order request and the order read these tests share.</summary>
public static class OrderApi
{
    /// <summary>A home cleaning in 金水区: offered to merchant1 (M001), whose W001 has the skill.</summary>
    public static object HomeCleaning(string phone, string? callId = null, string? memberId = null) => new
    {
        callId, memberId, contactName = "赵女士", contactPhone = phone, category = "home-clean", address = "金水区纬五路 3 号", district = "金水区",
        windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(3),
    };

    /// <summary>The order's history (its events, from the log) as an agent reads it.</summary>
    public static async Task<List<string?>> History(RunningWeb web, string orderNo)
    {
        using var agent = await WebSession.SignIn(web, "agent1");
        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history");
        return history.EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
    }
}
