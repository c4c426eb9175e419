using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HomeService.Tests.Reliability;

/// <summary>
/// Merchant A never reads or changes merchant B's data. merchant2 (M002) probes merchant1's (M001) order, worker and
/// complaint; each answer is 403 or 404 (hiding that the thing exists is fine) and the data reads back unchanged.
/// </summary>
public sealed class AuthorizationCrossMerchantTests(ProbeDeployment probe) : IClassFixture<ProbeDeployment>
{
    private static readonly HttpStatusCode[] Refused = [HttpStatusCode.Forbidden, HttpStatusCode.NotFound];

    [Fact]
    public async Task Another_merchant_can_neither_see_nor_change_an_order_of_merchant1()
    {
        var orderNo = await OfferedToMerchant1();
        await AssertOtherMerchantIsRefused(orderNo);
        Assert.Equal(("Offered", "M001"), await StatusAndMerchant(orderNo));

        Assert.Equal(HttpStatusCode.OK, (await probe.Http(Caller.Merchant1).PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);
        await AssertOtherMerchantIsRefused(orderNo);
        Assert.Equal(("Accepted", "M001"), await StatusAndMerchant(orderNo));
        Assert.Equal(JsonValueKind.Null, (await Order(orderNo)).GetProperty("workerId").ValueKind);
    }

    [Fact]
    public async Task Another_merchant_can_neither_read_nor_set_a_worker_of_merchant1()
    {
        var before = await probe.Http(Caller.Merchant1).GetStringAsync("/api/merchant/workers/W001");
        var other = probe.Http(Caller.Merchant2);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/merchant/workers/W001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/merchant/workers/W001/status", new { status = "OffDuty" })).StatusCode);
        Assert.Equal(before, await probe.Http(Caller.Merchant1).GetStringAsync("/api/merchant/workers/W001"));
    }

    [Fact]
    public async Task Another_merchant_cannot_answer_a_complaint_assigned_to_merchant1()
    {
        var complaint = await Created("/api/complaints", new { contactPhone = "13800138000", againstMerchantId = "M001", severity = "high", description = "迟到" });
        await Step(complaint, "assign", new { party = "merchant:M001" });
        var answer = await probe.Http(Caller.Merchant2).PostAsJsonAsync($"/api/merchant/orders/{complaint}/respond", new { text = "与我无关" });
        Assert.Contains(answer.StatusCode, Refused);
        var after = await Order(complaint);
        Assert.Equal("Assigned", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("response").ValueKind);
    }

    [Fact]
    public async Task A_merchant_cannot_answer_a_suggestion_forwarded_to_a_department()
    {
        var suggestion = await Created("/api/suggestions", new { contactPhone = "13800138000", text = "希望增加夜间服务" });
        await Step(suggestion, "forward", new { to = "市场发展部" });
        var answer = await probe.Http(Caller.Merchant2).PostAsJsonAsync($"/api/merchant/orders/{suggestion}/respond", new { text = "我们来答" });
        Assert.Contains(answer.StatusCode, Refused);
        Assert.Equal("Forwarded", (await Order(suggestion)).GetProperty("status").GetString());
    }

    private async Task AssertOtherMerchantIsRefused(string orderNo)
    {
        var other = probe.Http(Caller.Merchant2);
        Assert.DoesNotContain(orderNo, await other.GetStringAsync("/api/merchant/orders"));
        Assert.DoesNotContain(orderNo, await other.GetStringAsync("/api/merchant/orders/report"));
        var attempts = new (string Step, object? Body)[]
        {
            ("accept", null), ("refuse", new { reason = "不接" }), ("assign", new { workerId = "W004" }), ("cancel", new { reason = "不做了" }),
        };
        foreach (var (step, body) in attempts)
        {
            var response = await other.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/{step}", body ?? new { });
            Assert.True(Refused.Contains(response.StatusCode), $"merchant2 {step} on M001's order: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private async Task<string> OfferedToMerchant1()
    {
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var orderNo = await Created("/api/orders", new
        {
            contactPhone = "13612345678", category = "hourly", address = "金水区经三路 15 号", district = "金水区", windowStart = start, windowEnd = start.AddHours(2),
        });
        Assert.Equal(("Offered", "M001"), await StatusAndMerchant(orderNo));
        return orderNo;
    }

    private async Task<string> Created(string path, object body)
    {
        var response = await probe.Http(Caller.Agent).PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    private async Task Step(string orderNo, string step, object body) =>
        Assert.Equal(HttpStatusCode.OK, (await probe.Http(Caller.Agent).PostAsJsonAsync($"/api/orders/{orderNo}/{step}", body)).StatusCode);

    private Task<JsonElement> Order(string orderNo) => probe.Http(Caller.Agent).GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");

    private async Task<(string?, string?)> StatusAndMerchant(string orderNo)
    {
        var order = await Order(orderNo);
        return (order.GetProperty("status").GetString(), order.GetProperty("merchantId").GetString());
    }
}
