using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>After the visit: the follow-up falls due, agents record it, and a poor one opens a linked complaint.</summary>
public sealed class FollowUpTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" });
        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_poor_follow_up_closes_the_order_and_opens_a_linked_complaint_that_pops_on_the_next_call()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        var orderNo = await CompletedOrder(agent);

        await Eventually.True(async () =>
            (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray().Any(o => o.GetProperty("orderNo").GetString() == orderNo),
            TimeSpan.FromSeconds(30), "the follow-up falls due and is on the agents' list");

        var invalid = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", new { score = 9, resolved = true });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);

        var recorded = await (await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up",
            new { score = 2, resolved = false, comment = "保洁不彻底，厨房没擦" })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Closed", recorded.GetProperty("status").GetString());
        Assert.Equal(2, recorded.GetProperty("score").GetInt32());

        var view = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");
        var complaintNo = view.GetProperty("linkedComplaintNo").GetString();
        Assert.Equal($"CP{orderNo[2..]}", complaintNo);
        var complaint = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{complaintNo}");
        Assert.Equal(("Complaint", "Registered", orderNo), (complaint.GetProperty("kind").GetString(), complaint.GetProperty("status").GetString(),
            complaint.GetProperty("relatedOrderNo").GetString()));
        Assert.DoesNotContain((await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray(),
            o => o.GetProperty("orderNo").GetString() == orderNo);

        // A second rating (say, the resident on the web later) does not replace the first.
        var again = await (await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", new { score = 5, resolved = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, again.GetProperty("score").GetInt32());
    }

    [Fact]
    public async Task A_resident_who_rates_on_the_web_first_sets_the_rating_and_the_later_call_is_kept_as_a_note()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        var someoneElses = await CompletedOrder(agent);
        var mine = await CompletedOrder(agent, memberId: "R0001", phone: "13800138000");

        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PostAsJsonAsync($"/api/member/orders/{mine}/rating", new { score = 4 })).StatusCode);
        using var resident = await WebSession.SignIn(_web, "resident");
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.PostAsJsonAsync($"/api/member/orders/{someoneElses}/rating", new { score = 4 })).StatusCode);
        var outOfRange = await resident.Http.PostAsJsonAsync($"/api/member/orders/{mine}/rating", new { score = 9 });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.True((await outOfRange.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("score", out _));

        var rated = await resident.Http.PostAsJsonAsync($"/api/member/orders/{mine}/rating", new { score = 4, resolved = true, comment = "阿姨很细心" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        var view = await rated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Closed", 4), (view.GetProperty("status").GetString(), view.GetProperty("score").GetInt32()));

        // The center's follow-up call comes later: it is noted, the rating stays the resident's, and no complaint opens.
        var call = await agent.Http.PostAsJsonAsync($"/api/orders/{mine}/follow-up", new { score = 1, resolved = false, comment = "电话回访" });
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        var after = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{mine}");
        Assert.Equal((4, JsonValueKind.Null), (after.GetProperty("score").GetInt32(), after.GetProperty("linkedComplaintNo").ValueKind));
    }

    private Task<string> CompletedOrder(WebSession agent, string? memberId = null, string phone = "13655556666") =>
        OrderSteps.Completed(_web, agent, memberId, phone);
}
