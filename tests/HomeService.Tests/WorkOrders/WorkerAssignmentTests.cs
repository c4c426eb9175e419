using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// Only a free, qualified worker of the merchant may be sent, and the worker's status follows the order live on the
/// merchant's screen. Demo staff of M001: W001 (hourly, free), W002 (no hourly), W003 (hourly, certificate expired).
/// </summary>
public sealed class WorkerAssignmentTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_worker_goes_only_when_free_and_qualified_and_their_status_follows_the_order()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        await using var board = await LiveClient.Connect(Web, merchant);
        var first = await AcceptedOrder(agent, merchant);

        Assert.Contains("技能", await Refusal(merchant, first, "W002", HttpStatusCode.Conflict));
        Assert.Contains("过期", await Refusal(merchant, first, "W003", HttpStatusCode.Conflict));
        Assert.Contains("本企业", await Refusal(merchant, first, "W004", HttpStatusCode.Forbidden));

        // Resting is set by hand and keeps the worker from being sent.
        Assert.Equal("Resting", (await SetStatus(merchant, "W001", "Resting")).GetProperty("status").GetString());
        Assert.Contains("不空闲", await Refusal(merchant, first, "W001", HttpStatusCode.Conflict));
        await SetStatus(merchant, "W001", "Available");

        Assert.Equal(HttpStatusCode.OK, (await Assign(merchant, first, "W001")).StatusCode);
        var assigned = await board.Next("worker.status", p => p.GetProperty("workerId").GetString() == "W001" && p.GetProperty("status").GetString() == "Assigned");
        Assert.Equal(first, assigned.GetProperty("currentOrder").GetString());
        var offDuty = await merchant.Http.PostAsJsonAsync("/api/merchant/workers/W001/status", new { status = "OffDuty" });
        Assert.Equal(HttpStatusCode.Conflict, offDuty.StatusCode);

        // Busy on the first order, so not free for a second one.
        var second = await AcceptedOrder(agent, merchant);
        Assert.Contains("不空闲", await Refusal(merchant, second, "W001", HttpStatusCode.Conflict));

        using var worker = await WebSession.SignIn(Web, "worker1");
        foreach (var (step, status) in new[] { ("en-route", "EnRoute"), ("check-in", "InService"), ("check-out", "Available") })
        {
            Assert.Equal(HttpStatusCode.OK, (await worker.Http.PostAsync($"/api/worker/jobs/{first}/{step}", null)).StatusCode);
            await board.Next("worker.status", p => p.GetProperty("workerId").GetString() == "W001" && p.GetProperty("status").GetString() == status);
        }
        var free = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers/W001");
        Assert.Equal(("Available", JsonValueKind.Null), (free.GetProperty("status").GetString(), free.GetProperty("currentOrder").ValueKind));

        // Free again: sent to the second order, and free once more when the customer cancels it.
        Assert.Equal(HttpStatusCode.OK, (await Assign(merchant, second, "W001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsJsonAsync($"/api/orders/{second}/cancel", new { reason = "客户改期" })).StatusCode);
        await board.Next("worker.status", p => p.GetProperty("workerId").GetString() == "W001" && p.GetProperty("status").GetString() == "Available"
            && p.GetProperty("version").GetInt64() > free.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Another_company_can_neither_see_nor_set_a_worker_and_a_status_the_order_drives_cannot_be_set_by_hand()
    {
        using var other = await WebSession.SignIn(Web, "merchant2");
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync("/api/merchant/workers/W001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.Http.PostAsJsonAsync("/api/merchant/workers/W001/status", new { status = "OffDuty" })).StatusCode);

        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var byHand = await merchant.Http.PostAsJsonAsync("/api/merchant/workers/W001/status", new { status = "InService" });
        Assert.Equal(HttpStatusCode.BadRequest, byHand.StatusCode);
        Assert.Contains("服务人员状态", (await byHand.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("status")[0].GetString());
        var unknown = await merchant.Http.PostAsJsonAsync("/api/merchant/workers/W001/status", new { status = "Sleeping" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("Available", (await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers/W001")).GetProperty("status").GetString());
    }

    private static async Task<string> AcceptedOrder(WebSession agent, WebSession merchant)
    {
        var created = await (await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("hourly", "金水区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = created.GetProperty("orderNo").GetString()!;
        Assert.Equal("M001", created.GetProperty("merchantId").GetString());
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
        return orderNo;
    }

    private static Task<HttpResponseMessage> Assign(WebSession merchant, string orderNo, string workerId) =>
        merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId });

    private static async Task<string> Refusal(WebSession merchant, string orderNo, string workerId, HttpStatusCode expected)
    {
        var response = await Assign(merchant, orderNo, workerId);
        Assert.Equal(expected, response.StatusCode);
        var order = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders");
        Assert.Equal("Accepted", order.EnumerateArray().Single(o => o.GetProperty("orderNo").GetString() == orderNo).GetProperty("status").GetString());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
    }

    private static async Task<JsonElement> SetStatus(WebSession merchant, string workerId, string status)
    {
        var response = await merchant.Http.PostAsJsonAsync($"/api/merchant/workers/{workerId}/status", new { status });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
