using System.Net;
using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// On a clock set to 23:00 Beijing time: a resident's code goes at once, while notices about orders wait for 08:00; in the
/// morning they go, but no more of one kind to one number than the daily window allows, and the same text to a number
/// not twice within 30 s.
/// </summary>
public sealed class SendingWindowTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_code_goes_at_eleven_at_night_notices_wait_for_eight_and_a_full_daily_window_holds_the_rest()
    {
        // A night already past: a clock ahead of the database's confuses the cluster's membership, one behind it does not.
        var clock = new MovableClock(new DateTimeOffset(2026, 3, 10, 23, 0, 0, Beijing));
        await using var deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:Sms:NoticesPerDay"] = "2" }, clock);
        var web = deployment.WebHosts[0];
        await deployment.Sql("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'sms', 'phone', '13912345601', 'member.order.accepted',
                   jsonb_build_object('orderNo', 'WO20261208000' || n, 'category', 'home-clean', 'windowStart', '2026-12-09T02:00:00+00:00'), 'window:' || n
            FROM generate_series(1, 3) n
            """);
        // An order rescheduled twice to the same time: two notices, one text.
        await deployment.Sql("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'sms', 'phone', '13912345602', 'member.order.rescheduled',
                   '{"orderNo": "WO20261208009", "windowStart": "2026-12-10T02:00:00+00:00"}', 'same-text:' || n
            FROM generate_series(1, 2) n
            """);

        var code = await DevSmsInbox.NextCode(web, "13512349201", async () => Assert.Equal(HttpStatusCode.OK,
            (await WebSession.Anonymous(web).Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "13512349201", purpose = "register" })).StatusCode));
        Assert.Matches("^[0-9]{6}$", code);
        await Eventually.True(async () => await deployment.Scalar<long>(
                "SELECT count(*) FROM notification_outbox WHERE recipient_id = '13912345601' AND last_error = 'held: quiet hours'") == 3,
            TimeSpan.FromSeconds(30), "the notices are held for the night");
        Assert.Equal(new DateTimeOffset(2026, 3, 11, 8, 0, 0, Beijing).UtcDateTime,
            await deployment.Scalar<DateTime>("SELECT min(next_attempt_at) FROM notification_outbox WHERE recipient_id = '13912345601'"));
        Assert.Empty(await DevSmsInbox.Messages(web, "13912345601"));

        clock.MoveTo(new DateTimeOffset(2026, 3, 11, 8, 0, 1, Beijing));
        await Eventually.True(async () => (await DevSmsInbox.Messages(web, "13912345601")).Count == 2, TimeSpan.FromSeconds(30), "two notices go in the morning");
        await Eventually.True(async () => await deployment.Scalar<long>(
                "SELECT count(*) FROM notification_outbox WHERE recipient_id = '13912345601' AND sent_at IS NULL AND last_error = 'held: per-number limit'") == 1,
            TimeSpan.FromSeconds(30), "the third waits for the daily window");
        Assert.Equal(2, (await DevSmsInbox.Messages(web, "13912345601")).Count);
        Assert.All(await DevSmsInbox.Messages(web, "13912345601"), m => Assert.StartsWith("您的订单WO20261208000", m.Text));

        // The same text went once; the second waits out Tencent Cloud's 30 s, then goes.
        Assert.Single(await DevSmsInbox.Messages(web, "13912345602"));
        await Eventually.True(async () => await deployment.Scalar<long>(
                "SELECT count(*) FROM notification_outbox WHERE recipient_id = '13912345602' AND sent_at IS NULL AND last_error = 'held: same text lately'") == 1,
            TimeSpan.FromSeconds(30), "the repeated text is held");
        clock.MoveTo(new DateTimeOffset(2026, 3, 11, 8, 0, 32, Beijing));
        await Eventually.True(async () => (await DevSmsInbox.Messages(web, "13912345602")).Count == 2, TimeSpan.FromSeconds(30), "it goes 30 s later");
    }
}
