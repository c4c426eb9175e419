using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// Alibaba Cloud takes three messages and its carrier never reports on them: the status query keeps saying "waiting".
/// Each is marked unknown once, and only the resident's order notice goes again, through Tencent Cloud, where it is
/// delivered; the merchant's lapsed offer and the group notice stay unknown.
/// </summary>
public sealed class UnknownFateTests
{
    [Fact]
    public async Task An_order_notice_whose_fate_stayed_unknown_goes_once_more_through_the_other_provider_and_nothing_else_does()
    {
        await using var providers = await LocalSmsProviders.Start();
        var settings = LocalSmsProviders.ChasingSoon(providers);
        settings["HomeService:Sms:UnknownAfter"] = "00:00:06";
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 0, settings);
        providers.Aliyun.NeverReported = _ => true;

        await deployment.Sql("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key) VALUES
            ('sms', 'phone', '13912345001', 'member.order.accepted',
             '{"orderNo": "WO20261207000001", "category": "home-clean", "windowStart": "2026-12-08T06:00:00+00:00"}', 'unknown:notice'),
            ('sms', 'phone', '13912345002', 'order.offered',
             '{"orderNo": "WO20261207000002", "category": "home-clean", "district": "金水区", "windowStart": "2026-12-08T06:00:00+00:00", "expiresAt": "2026-12-07T06:00:00+00:00"}',
             'unknown:offer'),
            ('sms', 'phone', '13912345003', 'group.notice', '{"content": "中心春节照常服务。"}', 'unknown:group')
            """);

        await Eventually.True(async () => await deployment.Scalar<long>("SELECT count(*) FROM sms_message WHERE phone LIKE '139123450%' AND state = 'unknown'") == 3,
            TimeSpan.FromSeconds(60), "all three are marked unknown");
        await Eventually.True(async () => await deployment.Scalar<long>(
                "SELECT count(*) FROM sms_message WHERE phone = '13912345001' AND provider = 'tencent' AND state = 'delivered'") == 1,
            TimeSpan.FromSeconds(30), "the order notice is delivered through Tencent Cloud");

        // Each went to Alibaba Cloud once; only the notice went to Tencent Cloud, once, with the same values.
        Assert.Equal(["13912345001", "13912345002", "13912345003"], providers.Aliyun.Messages.Select(m => m.Phone).Order());
        var again = Assert.Single(providers.Tencent.Messages);
        Assert.Equal("13912345001", again.Phone);
        Assert.Equal(providers.Aliyun.Messages.Single(m => m.Phone == "13912345001").Values.Order(), again.Values.Order());
        Assert.Contains("WO20261207000001", again.Values);

        // The first stays unknown: one final state per message, and the log tells the two apart.
        Assert.Equal(1, await deployment.Scalar<long>(
            "SELECT count(*) FROM sms_message WHERE phone = '13912345001' AND provider = 'aliyun' AND state = 'unknown'"));
        Assert.Equal(1, await deployment.Scalar<long>("""
            SELECT count(*) FROM notification_outbox r JOIN notification_outbox o ON o.id = r.resend_of
            WHERE o.dedup_key = 'unknown:notice' AND r.avoid_provider = 'aliyun'
            """));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a few more chase rounds: nothing else goes anywhere
        Assert.Equal(3, providers.Aliyun.Messages.Count);
        Assert.Single(providers.Tencent.Messages);
    }
}
