using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// Four orders breach one after another: the duty phone hears of the first at once, and of the other three in one
/// digest five minutes later (on a movable clock), each alert in exactly one final state.
/// </summary>
public sealed class DutyDigestTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private const string DutyPhone = "13900008888";

    [Fact]
    public async Task Breaches_after_the_first_wait_and_reach_the_duty_phone_as_one_digest()
    {
        // In the past, as in SendingWindowTests: a clock behind the database's does not confuse the cluster's membership.
        var clock = new MovableClock(new DateTimeOffset(2026, 3, 10, 23, 0, 0, Beijing));
        await using var deployment = await TestDeployment.Start(silos: 1, webHosts: 1, siloClock: clock);
        var web = deployment.WebHosts[0];

        await Breach(deployment, 1);
        await Eventually.True(async () => (await DevSmsInbox.Messages(web, DutyPhone)).Count == 1, TimeSpan.FromSeconds(30), "the first breach goes at once");
        foreach (var n in new[] { 2, 3, 4 }) await Breach(deployment, n);
        await Eventually.True(async () => await deployment.Scalar<long>(
                $"SELECT count(*) FROM notification_outbox WHERE recipient_id = '{DutyPhone}' AND sent_at IS NULL AND last_error = 'held: per-number limit'") == 3,
            TimeSpan.FromSeconds(30), "the next three wait for the digest");
        Assert.Single(await DevSmsInbox.Messages(web, DutyPhone));

        var firstSent = await deployment.Scalar<DateTime>($"SELECT attempted_at FROM sms_message WHERE phone = '{DutyPhone}'");
        clock.MoveTo(new DateTimeOffset(firstSent, TimeSpan.Zero) + HomeService.Sms.SmsDigests.Every + TimeSpan.FromSeconds(1));
        await Eventually.True(async () => (await DevSmsInbox.Messages(web, DutyPhone)).Count == 2, TimeSpan.FromSeconds(30), "the digest goes");
        var digest = (await DevSmsInbox.Messages(web, DutyPhone))[0]; // newest first
        Assert.Equal("order.sla-breached.digest", digest.Template);
        Assert.Equal("3张工单已超时：WO20260310002、WO20260310003、WO20260310004，请值班主管及时处理。", digest.Text);

        // Nothing is left to send, and the SMS log shows two merged, one digest and the first alert.
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(2, (await DevSmsInbox.Messages(web, DutyPhone)).Count);
        using var admin = await WebSession.SignIn(web, "admin");
        var log = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/sms/messages?phone={DutyPhone}");
        var states = log.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("state").GetString()).ToList();
        Assert.Equal(4, states.Count);
        Assert.Equal(2, states.Count(s => s == "merged"));
    }

    private static Task Breach(TestDeployment deployment, int n) => deployment.Sql($$"""
        INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key, created_at)
        VALUES ('sms', 'phone', '{{DutyPhone}}', 'order.sla-breached',
                '{"orderNo": "WO2026031000{{n}}", "clock": "dispatch", "deadline": "2026-03-10T14:30:00+00:00"}', 'digest-test:{{n}}', now() + interval '{{n}} ms')
        """);
}
