using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>
/// Commands from outside systems, each sent three times (one after another, as a retrying adapter does, or all at
/// once, as racing retries do): one effect, and the same answer every time. The switch's call events carry an
/// Idempotency-Key (docs/telephony.md §4); so does the partner API's create.
/// </summary>
public sealed class IdempotencyTests(ReliabilityDeployment fixture) : IClassFixture<ReliabilityDeployment>
{
    private RunningWeb Web => fixture.Web;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_call_event_from_the_switch_sent_three_times_is_one_line_on_the_timeline(bool atOnce)
    {
        using var telephony = new SwitchClient(Web);
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        using var agent = await WebSession.SignIn(Web, "agent3");
        var callId = $"idem-{Guid.NewGuid():N}";

        // No agent is ready yet, so the call waits in its queue and nothing but the repeats can change it.
        OneAnswer(await Repeated.Thrice(() => telephony.Offer(callId, "13612349001", ivrChoice: "2"), atOnce), HttpStatusCode.OK);
        var queues = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/queues");
        Assert.Single(queues.EnumerateArray().SelectMany(q => q.GetProperty("waitingCallIds").EnumerateArray()), c => c.GetString() == callId);
        OneAnswer(await Repeated.Thrice(() => telephony.Dtmf(callId, "5", "key-1"), atOnce), HttpStatusCode.OK);
        // A new key is a new event, even with the same digits.
        await Acknowledged.Body(telephony.Dtmf(callId, "5", "key-2"));

        await Acknowledged.Body(agent.Http.PostAsync("/api/console/login", null));
        await Acknowledged.Body(agent.Http.PostAsync("/api/console/ready", null));
        var seat = SwitchClient.SeatOf(await SwitchClient.RingingAgent(supervisor, callId));
        OneAnswer(await Repeated.Thrice(() => telephony.Answered(callId, seat), atOnce), HttpStatusCode.OK);
        OneAnswer(await Repeated.Thrice(() => telephony.HangUp(callId), atOnce), HttpStatusCode.OK);
        var last = OneAnswer(await Repeated.Thrice(() => telephony.Recording(callId), atOnce), HttpStatusCode.OK);
        // Leave the seat as other tests of this class expect it: nobody ready.
        await Acknowledged.Body(agent.Http.PostAsync("/api/console/logout", null));

        Assert.Equal(["offered", "queued", "dtmf", "dtmf", "ringing", "answered", "recording-started", "recording-stopped", "ended", "recording"],
            last.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("what").GetString()));
        Assert.Equal("CallOffered,CallQueued,CallDigits,CallDigits,CallRinging,CallAnswered,CallRecordingStarted,CallRecordingStopped,CallEnded,CallRecordingReady", await fixture.Deployment.Scalar<string>(
            "SELECT string_agg(event_type, ',' ORDER BY version) FROM event_log WHERE aggregate_type = 'call' AND aggregate_id = $1", callId));
        Assert.Equal(1L, await fixture.Deployment.Scalar<long>("SELECT count(*) FROM call_record WHERE call_id = $1", callId));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_partner_order_created_three_times_with_one_key_is_one_order(bool atOnce)
    {
        var before = await PartnerOrders();
        var key = $"idem-{Guid.NewGuid():N}";
        var created = OneAnswer(await Repeated.Thrice(() => ScriptedDay.PartnerOrder(Web, key), atOnce), HttpStatusCode.Created);
        Assert.Equal(before + 1, await PartnerOrders());
        Assert.Equal(["OrderCreated", "OrderClassified", "OrderOffered"], await OrderApi.History(Web, created.GetProperty("orderNo").GetString()!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_partner_cancel_sent_three_times_cancels_once_and_answers_the_same_each_time(bool atOnce)
    {
        var orderNo = (await Acknowledged.Body(ScriptedDay.PartnerOrder(Web, $"idem-{Guid.NewGuid():N}"))).GetProperty("orderNo").GetString()!;
        using var partner = new HttpClient { BaseAddress = Web.BaseAddress, DefaultRequestHeaders = { { "X-Api-Key", TestDeployment.PartnerKey } } };
        var cancelled = OneAnswer(await Repeated.Thrice(() => partner.PostAsJsonAsync($"/api/partner/orders/{orderNo}/cancel", new { reason = "业主已自行处理" }),
            atOnce), HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Single(await OrderApi.History(Web, orderNo), e => e == "OrderCancelled");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_webhook_subscription_sent_three_times_is_one_subscription(bool atOnce)
    {
        using var partner = new HttpClient { BaseAddress = Web.BaseAddress, DefaultRequestHeaders = { { "X-Api-Key", TestDeployment.PartnerKey } } };
        var url = $"https://partner.example/hooks/{Guid.NewGuid():N}";
        var key = $"idem-{Guid.NewGuid():N}";
        var subscribed = OneAnswer(await Repeated.Thrice(() => partner.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/partner/webhooks")
        {
            Content = JsonContent.Create(new { url }),
            Headers = { { "Idempotency-Key", key } },
        }), atOnce), HttpStatusCode.Created);
        var list = await partner.GetFromJsonAsync<JsonElement>("/api/partner/webhooks");
        var mine = Assert.Single(list.EnumerateArray(), s => s.GetProperty("url").GetString() == url);
        Assert.Equal(subscribed.GetProperty("id").GetString(), mine.GetProperty("id").GetString());
    }

    /// <summary>Every answer has the expected status and the very same body; returns that body.</summary>
    private static JsonElement OneAnswer(IReadOnlyList<Repeated.Answer> answers, HttpStatusCode status)
    {
        Assert.All(answers, a => Assert.True(a.Status == status, $"{(int)a.Status} {a.Body}"));
        return JsonDocument.Parse(Assert.Single(answers.Select(a => a.Body).Distinct())).RootElement.Clone();
    }

    private Task<long> PartnerOrders() => fixture.Deployment.Scalar<long>("SELECT count(*) FROM work_order WHERE created_by LIKE 'partner:%'");
}
