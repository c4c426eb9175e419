using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// The sender dies after Alibaba Cloud has taken a group notice's batch and before its rows are marked sent. The silo that
/// takes over finds each number's message at the provider by the batch's out id, written on the rows before the request,
/// and its number, instead of sending the batch again: each worker's phone shows the notice once.
/// </summary>
public sealed class BatchCrashTests
{
    [Fact]
    public async Task A_sender_killed_after_the_provider_took_a_batch_sends_each_number_once()
    {
        await using var providers = await LocalSmsProviders.Start();
        var settings = LocalSmsProviders.Settings(providers, failover: null);
        settings["HomeService:Sms:Lease"] = "00:00:05";
        settings["HomeService:Sms:QuietStart"] = "00:00"; // a group notice waits through quiet hours; this test runs at any hour
        settings["HomeService:Sms:QuietEnd"] = "00:00";
        await using var deployment = await TestDeployment.Create(settings);
        var first = await SiloProcess.Start(deployment);
        await using var _ = first;
        var web = await deployment.StartWeb();

        var template = LocalSmsProviders.AliyunTemplate("group.notice");
        var killed = new TaskCompletionSource();
        providers.Aliyun.AfterTaking = m =>
        {
            // The simulated provider goes on taking the rest of the batch: all of it reached the provider, none was marked.
            if (m.TemplateCode == template && !killed.Task.IsCompleted)
            {
                first.Kill();
                killed.TrySetResult();
            }
            return Task.CompletedTask;
        };
        const string Text = "本周日上午九点在公司召开服务规范培训会，请准时参加。";
        var id = Guid.NewGuid();
        using (var admin = await WebSession.SignIn(web, "admin"))
        {
            // The answer may be lost with the silo; the notice is released in the same transaction as its outbox rows.
            try
            {
                await admin.Http.PostAsJsonAsync("/api/admin/sms/notices", new { id, text = Text, audience = new { kind = "workers" } });
            }
            catch (HttpRequestException)
            {
            }
        }
        await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var notice = id.ToString("N");
        var rows = await deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1", notice);
        Assert.True(rows >= 2, $"the notice went to the demo's workers ({rows})");
        Assert.Equal(0L, await deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1 AND sent_at IS NOT NULL", notice));
        var batch = Assert.Single(providers.Aliyun.Messages.Where(m => m.TemplateCode == template).Select(m => m.OutId).Distinct());
        Assert.Equal(rows, await deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1 AND batch_out_id = $2",
            notice, Guid.ParseExact(batch!, "N")));

        await using var second = await SiloProcess.Start(deployment);
        await Eventually.True(async () => await deployment.Scalar<long>("""
                SELECT count(*) FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id WHERE o.group_notice_id = $1 AND m.state = 'sent'
                """, notice) == rows, TimeSpan.FromSeconds(90), "the silo that took over records every worker's message as sent");
        Assert.True(await deployment.Scalar<int>("SELECT min(attempts) FROM notification_outbox WHERE group_notice_id = $1", notice) >= 2, "they were claimed again");
        var taken = providers.Aliyun.Messages.Where(m => m.TemplateCode == template).ToList();
        Assert.Equal(rows, taken.Count);
        Assert.Equal(taken.Count, taken.Select(m => m.Phone).Distinct().Count());
        Assert.Equal(rows, await deployment.Scalar<long>("SELECT count(*) FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id WHERE o.group_notice_id = $1 AND m.out_id = $2",
            notice, Guid.ParseExact(batch!, "N")));
    }
}
