using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Merchants;

/// <summary>
/// Orders and ratings for the merchant (服务订单及评定查询): a served and rated order, a refused offer and an upheld
/// complaint show up in the merchant's figures (completion, average rating, complaints, second dispatch) and its list,
/// filterable by rating; another merchant sees none of it; a bad date is named in the user's language.
/// </summary>
public sealed class MerchantOrderReportTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() =>
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_served_order_a_refused_offer_and_an_upheld_complaint_make_the_merchants_figures()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");

        var lookupBefore = await Lookup(agent);
        var ratingsBefore = await _deployment.Scalar<string>("SELECT rating_count || '/' || rating_sum FROM merchant WHERE id = 'M001'");

        // Served, completed and rated five stars.
        var served = await OfferedToMerchant1(agent, "13612345601");
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{served}/accept", null)).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{served}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        foreach (var step in new[] { "en-route", "check-in", "check-out" })
            Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{served}/{step}", null)).IsSuccessStatusCode, step);
        await Eventually.True(async () =>
            (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray().Any(o => o.GetProperty("orderNo").GetString() == served),
            TimeSpan.FromSeconds(30), "the follow-up falls due");
        Assert.True((await agent.Http.PostAsJsonAsync($"/api/orders/{served}/follow-up", new { score = 5, resolved = true })).IsSuccessStatusCode);

        // Refused: it goes to a second dispatch, elsewhere.
        var refused = await OfferedToMerchant1(agent, "13612345602");
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{refused}/refuse", new { reason = "人手不足" })).IsSuccessStatusCode);

        // A complaint about the served order, upheld.
        var complaint = await agent.Http.PostAsJsonAsync("/api/complaints",
            new { contactPhone = "13612345601", relatedOrderNo = served, againstMerchantId = "M001", severity = "low", description = "迟到五分钟" });
        var complaintNo = (await complaint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        Assert.True((await agent.Http.PostAsJsonAsync($"/api/orders/{complaintNo}/assign", new { party = "merchant:M001" })).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{complaintNo}/respond", new { text = "已致歉" })).IsSuccessStatusCode);
        Assert.True((await supervisor.Http.PostAsJsonAsync($"/api/orders/{complaintNo}/verdict", new { upheld = true, reason = "属实" })).IsSuccessStatusCode);

        // The merchant's inbox told it of the complaint when it was filed and when it was passed to it to answer.
        await Eventually.True(async () =>
        {
            var inbox = await merchant.Http.GetStringAsync("/api/merchant/notifications");
            return inbox.Contains("complaint.filed") && inbox.Contains("complaint.assigned") && inbox.Contains(complaintNo);
        }, TimeSpan.FromSeconds(10), "the complaint notices");

        var report = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders/report");
        var s = report.GetProperty("summary");
        Assert.Equal((2, 1, 1), (s.GetProperty("offered").GetInt32(), s.GetProperty("accepted").GetInt32(), s.GetProperty("completed").GetInt32()));
        Assert.Equal(1.0, s.GetProperty("completionRate").GetDouble());
        Assert.Equal((1, 5.0), (s.GetProperty("ratings").GetInt32(), s.GetProperty("averageRating").GetDouble()));
        Assert.Equal((1, 1), (s.GetProperty("complaints").GetInt32(), s.GetProperty("complaintsUpheld").GetInt32()));
        Assert.Equal((1, 0.5), (s.GetProperty("redispatched").GetInt32(), s.GetProperty("secondDispatchRate").GetDouble()));

        // The list: the served order with its rating and the resident's phone masked; the refused one is not M001's.
        var rows = report.GetProperty("orders").EnumerateArray().ToList();
        Assert.DoesNotContain(rows, r => r.GetProperty("orderNo").GetString() == refused);
        var row = Assert.Single(rows, r => r.GetProperty("orderNo").GetString() == served);
        Assert.Equal((served, "Closed", 5), (row.GetProperty("orderNo").GetString(), row.GetProperty("status").GetString(), row.GetProperty("score").GetInt32()));
        Assert.Equal("刘桂芳", row.GetProperty("workerName").GetString());
        Assert.DoesNotContain("13612345601", row.GetRawText());
        Assert.Empty((await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders/report?rating=bad")).GetProperty("orders").EnumerateArray());
        Assert.Equal([served], (await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders/report?rating=good")).GetProperty("orders")
            .EnumerateArray().Select(r => r.GetProperty("orderNo").GetString()));

        // The public lookup counts the completed order and the rating (kept on the merchant row by its credit account).
        await _deployment.Silos[0].Grains.GetGrain<HomeService.Credit.ICreditProjectorGrain>(0).CatchUp();
        var lookupAfter = await Lookup(agent);
        Assert.Equal(lookupBefore.GetProperty("completedOrders").GetInt64() + 1, lookupAfter.GetProperty("completedOrders").GetInt64());
        var (count, sum) = (int.Parse(ratingsBefore!.Split('/')[0]), int.Parse(ratingsBefore.Split('/')[1]));
        Assert.Equal(Math.Round((sum + 5.0) / (count + 1), 2), lookupAfter.GetProperty("averageRating").GetDouble());

        // Another merchant's report knows nothing of it.
        using var other = await WebSession.SignIn(Web, "merchant2");
        var theirs = await other.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders/report");
        Assert.DoesNotContain(served, theirs.GetRawText());
        Assert.Equal(0, theirs.GetProperty("summary").GetProperty("complaints").GetInt32());

        // A bad date is a field error in the user's language.
        var bad = await merchant.Http.GetAsync("/api/merchant/orders/report?from=2026-13-01&rating=terrible");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("开始日期", errors.GetProperty("from")[0].GetString());
        Assert.Contains("评价", errors.GetProperty("rating")[0].GetString());
    }

    private static async Task<JsonElement> Lookup(WebSession session) =>
        (await session.Http.GetFromJsonAsync<JsonElement>("/api/merchants?q=安心")).EnumerateArray().Single(m => m.GetProperty("merchantId").GetString() == "M001");

    private static Task<string> OfferedToMerchant1(WebSession agent, string phone)
    {
        var start = DateTimeOffset.UtcNow.AddHours(1);
        return OrderSteps.OfferedToM001(agent, new
        {
            contactName = "王先生", contactPhone = phone, category = "hourly", address = "金水区经三路 15 号", district = "金水区",
            windowStart = start, windowEnd = start.AddHours(2),
        });
    }
}
