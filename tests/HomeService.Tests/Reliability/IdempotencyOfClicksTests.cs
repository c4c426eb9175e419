using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>
/// The people's commands a double (or triple) click repeats: the click that wins does the step once; each repeat gets
/// the same answer or a clear 409 naming the order's state, and the order's history shows the step once.
/// W001 takes one open order at a time, so each test finishes the visits it starts.
/// </summary>
public sealed class IdempotencyOfClicksTests(ReliabilityDeployment fixture) : IClassFixture<ReliabilityDeployment>
{
    private RunningWeb Web => fixture.Web;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_merchant_accepting_an_offer_three_times_accepts_it_once(bool atOnce)
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var orderNo = await OfferedOrder();
        OnceThenSameOrConflict(await Repeated.Thrice(() => merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null), atOnce), "Accepted");
        Assert.Single(await OrderApi.History(Web, orderNo), e => e == "OrderAccepted");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_worker_checking_in_three_times_checks_in_once(bool atOnce)
    {
        using var worker = await WebSession.SignIn(Web, "worker1");
        var orderNo = await AssignedOrder();
        OnceThenSameOrConflict(await Repeated.Thrice(() => worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-in", null), atOnce), "InService");
        await Acknowledged.Body(worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-out", null));
        Assert.Single(await OrderApi.History(Web, orderNo), e => e == "WorkerCheckedIn");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_agent_recording_a_follow_up_three_times_records_it_once(bool atOnce)
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        var orderNo = await AssignedOrder();
        foreach (var step in new[] { "check-in", "check-out" }) await Acknowledged.Body(worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null));
        await Eventually.True(async () => (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray()
            .Any(o => o.GetProperty("orderNo").GetString() == orderNo), TimeSpan.FromSeconds(30), "the follow-up falls due");

        var outcome = new { score = 5, resolved = true, comment = "满意" };
        OnceThenSameOrConflict(await Repeated.Thrice(() => agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", outcome), atOnce), "Closed");
        Assert.Single(await OrderApi.History(Web, orderNo), e => e == "FollowUpRecorded");
    }

    /// <summary>At least one click succeeded with the new status; every other got that or a 409 conflict problem.</summary>
    private static void OnceThenSameOrConflict(IReadOnlyList<Repeated.Answer> answers, string status)
    {
        Assert.Contains(answers, a => a.Status == HttpStatusCode.OK);
        foreach (var answer in answers)
        {
            var body = JsonDocument.Parse(answer.Body).RootElement;
            if (answer.Status == HttpStatusCode.OK) Assert.Equal(status, body.GetProperty("status").GetString());
            else Assert.Equal((HttpStatusCode.Conflict, "urn:homeservice:problem:conflict"), (answer.Status, body.GetProperty("type").GetString()));
        }
    }

    private async Task<string> OfferedOrder()
    {
        using var agent = await WebSession.SignIn(Web, "agent2");
        var created = await Acknowledged.Body(agent.Http.PostAsJsonAsync("/api/orders", OrderApi.HomeCleaning("13612349002")));
        return created.GetProperty("orderNo").GetString()!;
    }

    private async Task<string> AssignedOrder()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var orderNo = await OfferedOrder();
        await Acknowledged.Body(merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null));
        await Acknowledged.Body(merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" }));
        return orderNo;
    }
}
