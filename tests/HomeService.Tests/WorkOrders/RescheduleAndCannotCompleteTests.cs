using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>The customer moves the visit; the worker at the door finds it cannot be done and the center closes it.</summary>
public sealed class RescheduleAndCannotCompleteTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task The_customer_moves_the_visit_to_another_day_and_a_window_in_the_past_is_refused_by_field()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        var orderNo = await AssignedOrder(agent);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);

        var moved = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/reschedule", new { windowStart = tomorrow, windowEnd = tomorrow.AddHours(2) });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var view = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("WorkerAssigned", tomorrow.ToUnixTimeSeconds()),
            (view.GetProperty("status").GetString(), view.GetProperty("windowStart").GetDateTimeOffset().ToUnixTimeSeconds()));

        var past = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/reschedule",
            new { windowStart = DateTimeOffset.UtcNow.AddHours(-3), windowEnd = DateTimeOffset.UtcNow.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("期望时间段已经过去。", (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("windowEnd")[0].GetString());
        var missing = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/reschedule", new { windowStart = tomorrow });
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("windowEnd", out _));

        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history");
        Assert.Single(history.EnumerateArray(), h => h.GetProperty("event").GetString() == "OrderRescheduled");
    }

    [Fact]
    public async Task The_worker_reports_the_visit_cannot_be_done_is_free_again_and_the_center_closes_the_order()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        var orderNo = await AssignedOrder(agent);
        using var worker = await WebSession.SignIn(Web, "worker1");
        Assert.Equal(HttpStatusCode.OK, (await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/en-route", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await agent.Http.PostAsync($"/api/orders/{orderNo}/close", null)).StatusCode);
        var noReason = await worker.Http.PostAsJsonAsync($"/api/worker/jobs/{orderNo}/cannot-complete", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var reported = await worker.Http.PostAsJsonAsync($"/api/worker/jobs/{orderNo}/cannot-complete", new { reason = "客户不在家，电话无人接听" });
        Assert.Equal("CannotComplete", (await reported.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var merchant = await WebSession.SignIn(Web, "merchant1");
        await Eventually.True(async () =>
            (await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers/W001")).GetProperty("status").GetString() == "Available",
            TimeSpan.FromSeconds(10), "W001 is free again");
        var closed = await agent.Http.PostAsync($"/api/orders/{orderNo}/close", null);
        Assert.Equal("Closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-in", null)).StatusCode);
    }

    private async Task<string> AssignedOrder(WebSession agent)
    {
        var created = await (await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("home-clean", "金水区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = created.GetProperty("orderNo").GetString()!;
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).StatusCode);
        return orderNo;
    }
}
