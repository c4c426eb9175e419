using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Credit;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Merchants;

/// <summary>
/// Credit follows the work: a served order's rating and an upheld complaint move the merchant's score, each change
/// shown to the merchant with its reason and the event behind it; an appeal holds the penalty back and the admin
/// decides it.
/// </summary>
public sealed class CreditFlowTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];
    private ICreditProjectorGrain Projector => _deployment.Silos[0].Grains.GetGrain<ICreditProjectorGrain>(0);

    public async Task InitializeAsync() =>
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_served_order_rated_low_and_an_upheld_complaint_lower_the_merchants_score_and_an_appeal_granted_restores_it()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        var created = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            contactName = "王先生", contactPhone = "13612345678", category = "home-clean", address = "金水区经三路 15 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddMinutes(-10), windowEnd = DateTimeOffset.UtcNow.AddHours(2),
        });
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        foreach (var step in new[] { "en-route", "check-in", "check-out" })
            Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).IsSuccessStatusCode, step);
        await Eventually.True(async () =>
            (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray().Any(o => o.GetProperty("orderNo").GetString() == orderNo),
            TimeSpan.FromSeconds(30), "the follow-up falls due");
        Assert.True((await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", new { score = 2, resolved = true })).IsSuccessStatusCode);

        await Projector.CatchUp();
        var page = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/credit");
        var rating = page.GetProperty("changes").EnumerateArray().First(); // newest first, above the imported past ratings
        Assert.Equal("Rating", rating.GetProperty("reason").GetString());
        Assert.StartsWith($"{orderNo}#", rating.GetProperty("source").GetString());
        Assert.True(rating.GetProperty("scoreAfter").GetDecimal() < rating.GetProperty("scoreBefore").GetDecimal());
        var afterRating = page.GetProperty("summary").GetProperty("score").GetDouble();
        Assert.Equal((int)Math.Round(afterRating), await _deployment.Scalar<int>("SELECT credit_score FROM merchant WHERE id = 'M001'"));
        Assert.Equal(1L, await _deployment.Scalar<long>(
            "SELECT count(*) FROM credit_change WHERE subject_kind = 'worker' AND subject_id = 'W001' AND reason = 'Rating'"));

        // A complaint against the merchant, upheld by the supervisor
        var complaint = await agent.Http.PostAsJsonAsync("/api/complaints",
            new { contactPhone = "13612345678", relatedOrderNo = orderNo, againstMerchantId = "M001", severity = "high", description = "保洁不彻底" });
        var complaintNo = (await complaint.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        Assert.True((await agent.Http.PostAsJsonAsync($"/api/orders/{complaintNo}/assign", new { party = "merchant:M001" })).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{complaintNo}/respond", new { text = "已返工" })).IsSuccessStatusCode);
        Assert.True((await supervisor.Http.PostAsJsonAsync($"/api/orders/{complaintNo}/verdict", new { upheld = true, reason = "属实" })).IsSuccessStatusCode);

        await Projector.CatchUp();
        page = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/credit");
        var penalty = page.GetProperty("changes").EnumerateArray().First();
        Assert.Equal("ComplaintSerious", penalty.GetProperty("reason").GetString());
        Assert.Equal(12m, Math.Round(penalty.GetProperty("scoreBefore").GetDecimal() - penalty.GetProperty("scoreAfter").GetDecimal(), 0));
        var penaltyId = penalty.GetProperty("source").GetString()!;
        Assert.Contains(page.GetProperty("summary").GetProperty("openToAppeal").EnumerateArray(), p => p.GetProperty("penaltyId").GetString() == penaltyId);
        Assert.Equal("credit.changed", await _deployment.Scalar<string>(
            "SELECT template FROM notification_outbox WHERE recipient_kind = 'merchant' AND recipient_id = 'M001' AND params->>'source' = $1", penaltyId));

        // The merchant appeals: the penalty is held back; the admin grants it: the penalty is void
        var appealed = await merchant.Http.PostAsJsonAsync("/api/merchant/credit/appeals", new { penaltyId });
        Assert.Equal(afterRating, (await appealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("score").GetDouble(), 1);
        var twice = await merchant.Http.PostAsJsonAsync("/api/merchant/credit/appeals", new { penaltyId });
        Assert.Equal("扣分项已经申诉过。", (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("penaltyId")[0].GetString());
        using var admin = await WebSession.SignIn(Web, "admin");
        var granted = await admin.Http.PostAsJsonAsync("/api/admin/credit/appeals/decision", new { merchantId = "M001", penaltyId, granted = true, reason = "证据不足" });
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        var final = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/credit/merchants/M001");
        Assert.Equal(["AppealGranted", "AppealOpened", "ComplaintSerious"],
            final.GetProperty("changes").EnumerateArray().Take(3).Select(c => c.GetProperty("reason").GetString()));
        Assert.Equal(afterRating, final.GetProperty("summary").GetProperty("score").GetDouble(), 1);
    }

    [Fact]
    public async Task A_worker_who_never_came_costs_the_worker_and_the_merchant_a_no_show_when_the_resident_gives_up()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        // The visit was due ten minutes ago: the arrival deadline has passed as soon as the order is accepted.
        var created = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            contactName = "李女士", contactPhone = "13612345679", category = "home-clean", address = "金水区经三路 17 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddMinutes(-10), windowEnd = DateTimeOffset.UtcNow.AddHours(2),
        });
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        Assert.True((await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/cancel", new { reason = "师傅一直没来，客户不等了" })).IsSuccessStatusCode);

        await Projector.CatchUp();
        var page = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/credit");
        var change = page.GetProperty("changes").EnumerateArray().First();
        Assert.Equal("WorkerNoShow", change.GetProperty("reason").GetString());
        Assert.StartsWith($"{orderNo}#", change.GetProperty("source").GetString());
        Assert.Equal(8m, Math.Round(change.GetProperty("scoreBefore").GetDecimal() - change.GetProperty("scoreAfter").GetDecimal(), 0));
        Assert.Equal(1L, await _deployment.Scalar<long>(
            "SELECT count(*) FROM credit_change WHERE subject_kind = 'worker' AND subject_id = 'W001' AND reason = 'WorkerNoShow'"));
        Assert.Equal(0L, await _deployment.Scalar<long>($"SELECT count(*) FROM credit_change WHERE source LIKE '{orderNo}#%' AND reason <> 'WorkerNoShow'"));
    }

    [Fact]
    public async Task The_daily_review_rewards_a_merchant_whose_workers_are_all_green_once_per_period()
    {
        // M002's and M003's workers are all green; M001 has a worker whose health certificate runs out this month (yellow).
        var review = _deployment.Silos[0].Grains.GetGrain<ICreditReviewGrain>(0);
        Assert.Equal(3, await review.ReviewNow());
        Assert.Equal("M002,M003", await Bonused());
        var m002 = await _deployment.Scalar<int>("SELECT credit_score FROM merchant WHERE id = 'M002'");
        Assert.Equal((int)Math.Round(await _deployment.Scalar<decimal>(
            "SELECT score_after FROM credit_change WHERE subject_id = 'M002' AND reason = 'AllWorkersGreen'")), m002);
        Assert.Equal("credit.changed", await _deployment.Scalar<string>(
            "SELECT template FROM notification_outbox WHERE recipient_id = 'M002' AND params->>'reason' = 'AllWorkersGreen'"));

        // The next day's review finds the bonus already earned this period.
        await review.ReviewNow();
        Assert.Equal("M002,M003", await Bonused());
    }

    private Task<string?> Bonused() =>
        _deployment.Scalar<string>("SELECT string_agg(subject_id, ',' ORDER BY subject_id) FROM credit_change WHERE reason = 'AllWorkersGreen'");
}
