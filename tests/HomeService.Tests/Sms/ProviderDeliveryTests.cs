using System.Net;
using System.Net.Http.Json;
using HomeService.SmsSim;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

public sealed class ProviderDeliveryDeployment : IAsyncLifetime
{
    public SmsSimHost Providers { get; private set; } = null!;
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    public async Task InitializeAsync()
    {
        Providers = await LocalSmsProviders.Start();
        var settings = LocalSmsProviders.Settings(Providers);
        // Notices wait through quiet hours; these tests run at any hour of Beijing's day.
        settings["HomeService:Sms:QuietStart"] = "00:00";
        settings["HomeService:Sms:QuietEnd"] = "00:00";
        settings["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01";
        Deployment = await TestDeployment.Start(silos: 2, webHosts: 1, settings);
    }

    public async Task DisposeAsync()
    {
        await Deployment.DisposeAsync();
        await Providers.DisposeAsync();
    }
}

/// <summary>
/// Codes and notices leave through the providers' real HTTP APIs, against local servers that check each request the way
/// Alibaba Cloud and Tencent Cloud do: a resident's code arrives once, signed, and works; the outbox keeps no code; a
/// request the provider cannot authenticate is refused as the provider refuses it, and the failover provider takes the message.
/// </summary>
public sealed class ProviderDeliveryTests(ProviderDeliveryDeployment fixture) : IClassFixture<ProviderDeliveryDeployment>
{
    private SmsSimHost Providers => fixture.Providers;
    private TestDeployment Deployment => fixture.Deployment;

    private async Task<Guid> AskForCode(string phone)
    {
        var asked = await WebSession.Anonymous(fixture.Web).Http.PostAsJsonAsync("/api/member/verification-codes", new { phone, purpose = "register" });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        return (await Deployment.Scalar<Guid>(
            "SELECT id FROM notification_outbox WHERE channel = 'sms' AND recipient_id = $1 AND template = 'verification.code' ORDER BY created_at DESC LIMIT 1", phone));
    }

    private static async Task<SimMessage> Arrives(SimProvider provider, Guid outId)
    {
        SimMessage? message = null;
        await Eventually.True(() => Task.FromResult((message = provider.Messages.FirstOrDefault(m => m.OutId == outId.ToString("N"))) is not null),
            TimeSpan.FromSeconds(30), $"message {outId} reaches {provider.GetType().Name}");
        return message!;
    }

    [Fact]
    public async Task A_code_reaches_the_phone_through_Alibaba_Cloud_once_works_and_is_gone_from_the_outbox()
    {
        var outId = await AskForCode("13512349001");
        var message = await Arrives(Providers.Aliyun, outId);
        Assert.Equal(("13512349001", LocalSmsProviders.SignName, LocalSmsProviders.AliyunTemplate("verification.code")),
            (message.Phone, message.SignName, message.TemplateCode));
        var code = message.Values[0];
        Assert.Matches("^[0-9]{6}$", code);

        await Eventually.True(async () => await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId) == "sent",
            TimeSpan.FromSeconds(10), "the message is recorded as sent");
        Assert.Equal(message.MessageId, await Deployment.Scalar<string>("SELECT provider_message_id FROM sms_message WHERE outbox_id = $1", outId));
        Assert.Equal("aliyun", await Deployment.Scalar<string>("SELECT provider FROM sms_message WHERE outbox_id = $1", outId));
        Assert.Null(await Deployment.Scalar<string>("SELECT params->>'code' FROM notification_outbox WHERE id = $1", outId));
        var logged = await Deployment.Scalar<string>("SELECT text FROM sms_message WHERE outbox_id = $1", outId);
        Assert.DoesNotContain(code, logged!);
        Assert.Contains("******", logged);
        Assert.Single(Providers.Aliyun.Messages, m => m.OutId == outId.ToString("N"));
        Assert.DoesNotContain(Providers.Tencent.Messages, m => m.OutId == outId.ToString("N"));

        var registered = await WebSession.Anonymous(fixture.Web).Http.PostAsJsonAsync("/api/member/register",
            new { phone = "13512349001", code, name = "孙丽", password = "Sun2026home" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
    }

    [Fact]
    public async Task A_request_Alibaba_Cloud_cannot_authenticate_is_refused_there_and_Tencent_Cloud_takes_the_message()
    {
        // The provider's copy of the secret changes (a rotated AccessKey): our signature no longer matches its calculation.
        Providers.Aliyun.Keys[LocalSmsProviders.AliyunKeyId] = "rotated-elsewhere";
        try
        {
            var refusalsBefore = Providers.Aliyun.Refusals;
            var outId = await AskForCode("13512349002");
            var message = await Arrives(Providers.Tencent, outId);
            Assert.Equal(LocalSmsProviders.TencentTemplate("verification.code"), message.TemplateCode);
            Assert.True(Providers.Aliyun.Refusals > refusalsBefore, "Alibaba Cloud refused the request");
            Assert.DoesNotContain(Providers.Aliyun.Messages, m => m.OutId == outId.ToString("N"));
            await Eventually.True(async () => await Deployment.Scalar<string>("SELECT provider FROM sms_message WHERE outbox_id = $1", outId) == "tencent",
                TimeSpan.FromSeconds(10), "the message is recorded as sent by Tencent Cloud");
        }
        finally
        {
            Providers.Aliyun.Keys[LocalSmsProviders.AliyunKeyId] = LocalSmsProviders.AliyunSecret;
        }
    }

    [Fact]
    public async Task A_number_the_provider_calls_invalid_is_dead_lettered_with_its_reason_and_not_retried()
    {
        Providers.Aliyun.RefusedNumbers["13512349003"] = "isv.MOBILE_NUMBER_ILLEGAL";
        var outId = await AskForCode("13512349003");
        await Eventually.True(async () => await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId) == "dead",
            TimeSpan.FromSeconds(30), "the message is dead-lettered");
        Assert.Equal("isv.MOBILE_NUMBER_ILLEGAL", await Deployment.Scalar<string>("SELECT error_code FROM sms_message WHERE outbox_id = $1", outId));
        Assert.Equal(1, await Deployment.Scalar<int>("SELECT attempts FROM notification_outbox WHERE id = $1", outId));
        Assert.Null(await Deployment.Scalar<string>("SELECT params->>'code' FROM notification_outbox WHERE id = $1", outId));
        Assert.DoesNotContain(Providers.Tencent.Messages, m => m.OutId == outId.ToString("N"));

        // Admins find it in the SMS log with the reason, the number masked until they reveal it (which is audited);
        // a code cannot be resent, the resident asks again.
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var log = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/sms/messages?phone=13512349003");
        var row = log.GetProperty("items")[0];
        Assert.Equal(("dead", "135****9003", "isv.MOBILE_NUMBER_ILLEGAL"),
            (row.GetProperty("state").GetString(), row.GetProperty("phone").GetString(), row.GetProperty("errorCode").GetString()));
        var revealed = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/sms/messages/{outId}/phone");
        Assert.Equal("13512349003", revealed.GetProperty("phone").GetString());
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM audit_log WHERE action = 'sms.reveal-phone' AND target_id = $1 AND actor LIKE '%admin%'",
            outId.ToString()));
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.PostAsync($"/api/admin/sms/messages/{outId}/resend", null)).StatusCode);
    }

    [Fact]
    public async Task A_dead_lettered_notice_an_admin_resends_goes_out_once_the_cause_is_fixed()
    {
        Providers.Aliyun.RefusedNumbers["13912349005"] = "isv.BLACK_KEY_CONTROL_LIMIT";
        await Deployment.Sql("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            VALUES ('sms', 'phone', '13912349005', 'member.order.cancelled', '{"orderNo":"WO20261206009005","category":"home-clean"}', 'resend-test')
            """);
        var outId = await Deployment.Scalar<Guid>("SELECT id FROM notification_outbox WHERE dedup_key = 'resend-test'");
        await Eventually.True(async () => await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId) == "dead",
            TimeSpan.FromSeconds(30), "the notice is dead-lettered");

        Providers.Aliyun.RefusedNumbers.TryRemove("13912349005", out _);
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PostAsync($"/api/admin/sms/messages/{outId}/resend", null)).StatusCode);
        var message = await Arrives(Providers.Aliyun, outId);
        Assert.StartsWith("WO20261206009005", message.Values[0]);
        await Eventually.True(async () => await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId) == "sent",
            TimeSpan.FromSeconds(10), "the resent notice is recorded as sent");
        Assert.Equal(HttpStatusCode.Conflict, (await admin.Http.PostAsync($"/api/admin/sms/messages/{outId}/resend", null)).StatusCode);
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM audit_log WHERE action = 'sms.resend' AND target_id = $1", outId.ToString()));
    }

    [Fact]
    public async Task Status_reports_move_a_message_to_one_final_state_whatever_is_pushed_again_and_a_TD_reply_unsubscribes_the_number()
    {
        var outId = await AskForCode("13512349004");
        var message = await Arrives(Providers.Aliyun, outId);
        await Eventually.True(async () => await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId) == "sent",
            TimeSpan.FromSeconds(10), "the message is recorded as sent");
        var provider = WebSession.Anonymous(fixture.Web).Http;
        var reports = $"/api/sms/providers/aliyun/reports/{LocalSmsProviders.CallbackToken}";
        object Report(bool success, string code) => new[] { new Dictionary<string, object>
        {
            ["phone_number"] = "13512349004", ["send_time"] = "2026-12-06 10:00:00", ["report_time"] = "2026-12-06 10:00:05", ["success"] = success,
            ["err_code"] = code, ["err_msg"] = success ? "用户接收成功" : "失败", ["sms_size"] = "1", ["biz_id"] = message.MessageId, ["out_id"] = message.OutId!,
        } };

        var first = await provider.PostAsJsonAsync(reports, Report(true, "DELIVERED"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(0, (await first.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetInt32());
        Assert.Equal("delivered", await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId));
        // Alibaba Cloud pushes again, and a stray failure report for the same message arrives late: neither changes the outcome.
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(reports, Report(true, "DELIVERED"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(reports, Report(false, "MK:0001"))).StatusCode);
        Assert.Equal("delivered", await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId));

        // A body that is not JSON is refused as a problem, and changes nothing.
        using var garbage = new StringContent("{\"phone_number\": ", System.Text.Encoding.UTF8, "application/json");
        var refused = await provider.PostAsync(reports, garbage);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        // Only the registered callback address is believed.
        Assert.Equal(HttpStatusCode.Forbidden, (await provider.PostAsJsonAsync("/api/sms/providers/aliyun/reports/guessed-token", Report(false, "X"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await provider.PostAsJsonAsync($"/api/sms/providers/yunpian/reports/{LocalSmsProviders.CallbackToken}", Report(false, "X"))).StatusCode);
        Assert.Equal("delivered", await Deployment.Scalar<string>("SELECT state FROM sms_message WHERE outbox_id = $1", outId));

        var reply = new { extend = "", mobile = "13512349004", nationcode = "86", sign = LocalSmsProviders.SignName, text = "ＴＤ", time = 1765000000 };
        var replies = $"/api/sms/providers/tencent/replies/{LocalSmsProviders.CallbackToken}";
        var answered = await provider.PostAsJsonAsync(replies, reply);
        Assert.Equal(0, (await answered.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("result").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(replies, reply)).StatusCode);
        Assert.Equal("tencent", await Deployment.Scalar<string>("SELECT provider FROM sms_opt_out WHERE phone = '13512349004'"));
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM sms_reply WHERE phone = '13512349004'"));
    }

    [Fact]
    public async Task A_reply_of_4_to_the_follow_up_sms_is_the_orders_rating_and_a_later_reply_does_not_replace_it()
    {
        using var agent = await WebSession.SignIn(fixture.Web, "agent1");
        var orderNo = await OrderSteps.Completed(fixture.Web, agent, phone: "13512349404");
        SimMessage? ask = null;
        await Eventually.True(() => Task.FromResult((ask = Providers.Aliyun.Messages.FirstOrDefault(m => m.Phone == "13512349404"
                && m.TemplateCode == LocalSmsProviders.AliyunTemplate("order.follow-up"))) is not null),
            TimeSpan.FromSeconds(30), "the follow-up SMS reaches the resident once the visit falls due");
        Assert.Equal(orderNo, ask!.Values[0]);
        await Eventually.True(async () => await Deployment.Scalar<string>(
                "SELECT state FROM sms_message WHERE phone = '13512349404' AND template = 'order.follow-up'") == "sent",
            TimeSpan.FromSeconds(10), "the follow-up SMS is recorded as sent");

        var provider = WebSession.Anonymous(fixture.Web).Http;
        var replies = $"/api/sms/providers/aliyun/replies/{LocalSmsProviders.CallbackToken}";
        object Reply(string text, string at) => new[] { new Dictionary<string, object>
        {
            ["phone_number"] = "13512349404", ["send_time"] = at, ["content"] = text, ["sign_name"] = LocalSmsProviders.SignName,
            ["dest_code"] = "1234", ["sequence_id"] = 1234567890,
        } };
        var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8));
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(replies, Reply("4", now.ToString("yyyy-MM-dd HH:mm:ss")))).StatusCode);
        var rated = await agent.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/orders/{orderNo}");
        Assert.Equal(("Closed", 4), (rated.GetProperty("status").GetString(), rated.GetProperty("score").GetInt32()));

        // The same reply pushed again, and a later change of mind, leave the first rating.
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(replies, Reply("4", now.ToString("yyyy-MM-dd HH:mm:ss")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(replies, Reply("1", now.AddMinutes(1).ToString("yyyy-MM-dd HH:mm:ss")))).StatusCode);
        Assert.Equal(4, (await agent.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/orders/{orderNo}")).GetProperty("score").GetInt32());
        Assert.Equal(2L, await Deployment.Scalar<long>("SELECT count(*) FROM sms_reply WHERE phone = '13512349404' AND order_no = $1", orderNo));
    }

    [Fact]
    public async Task A_group_notice_reaches_the_workers_in_one_batch_request_each_phone_once_and_each_report_settles_its_own_row()
    {
        // 赵淑珍 (W003) once replied TD to the center's number.
        var provider = WebSession.Anonymous(fixture.Web).Http;
        var optOut = new { extend = "", mobile = "13903710003", nationcode = "86", sign = LocalSmsProviders.SignName, text = "TD", time = 1765000000 };
        Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync($"/api/sms/providers/tencent/replies/{LocalSmsProviders.CallbackToken}", optOut)).StatusCode);
        var workers = new[] { "13903710001", "13903710002", "13903710004", "13903710005", "13903710006", "13903710007" };

        // The admin prices the notice to every worker first: the message as phones show it, its parts, and who it reaches.
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        const string Text = "春节期间（2月9日至2月17日）服务热线照常接听，上门服务请提前一天预约。";
        var draft = new { id = Guid.NewGuid(), text = Text, audience = new { kind = "workers" } };
        var preview = await (await admin.Http.PostAsJsonAsync("/api/admin/sms/notices/preview", draft)).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(Text + "拒收请回复R", preview.GetProperty("text").GetString());
        Assert.Equal(workers.Length, preview.GetProperty("recipients").GetInt32());
        Assert.Equal(1, preview.GetProperty("segmentsEach").GetInt32());

        // Sent now; the form's second click sends nothing more.
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("/api/admin/sms/notices", draft)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("/api/admin/sms/notices", draft)).StatusCode);
        var template = LocalSmsProviders.AliyunTemplate("group.notice");
        await Eventually.True(() => Task.FromResult(Providers.Aliyun.Messages.Count(m => m.TemplateCode == template && m.Values.SequenceEqual([Text])) >= workers.Length),
            TimeSpan.FromSeconds(60), "the notice reaches every worker's phone");
        var sent = Providers.Aliyun.Messages.Where(m => m.TemplateCode == template && m.Values.SequenceEqual([Text])).ToList();
        Assert.Equal(workers.Order(), sent.Select(m => m.Phone).Order());
        Assert.All(sent, m => Assert.Equal(Text, Assert.Single(m.Values)));

        // SendBatchSms requests, not one per number: each with one BizId and one out id, the batch's, written on its rows before
        // the request. Almost always one; two silos woken by the same commit may each claim part of the notice.
        var batches = sent.GroupBy(m => (m.MessageId, m.OutId)).ToList();
        Assert.InRange(batches.Count, 1, Deployment.Silos.Count);
        foreach (var batch in batches)
            Assert.Equal((long)batch.Count(), await Deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1 AND batch_out_id = $2",
                draft.id.ToString("N"), Guid.ParseExact(batch.Key.OutId!, "N")));
        var detail = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/sms/notices/{draft.id}");
        var notice = detail.GetProperty("notice");
        Assert.Equal("Released", notice.GetProperty("status").GetString());
        Assert.Equal(workers.Length, notice.GetProperty("recipients").GetInt32());
        var released = notice.GetProperty("releasedAt").GetDateTimeOffset();
        Assert.All(sent, m => Assert.True(m.At >= released - TimeSpan.FromMilliseconds(50), $"{m.Phone} got it at {m.At:O}, before its release at {released:O}"));
        Assert.All(detail.GetProperty("recipients").EnumerateArray(), r => Assert.Contains("****", r.GetProperty("phone").GetString()));
        Assert.DoesNotContain(sent, m => m.Phone == "13903710003");

        // Alibaba Cloud reports each number under the batch's BizId and out id: each row, and only it, is settled delivered.
        await Eventually.True(async () => await Deployment.Scalar<long>(
                "SELECT count(*) FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id WHERE o.group_notice_id = $1 AND m.state = 'sent'",
                draft.id.ToString("N")) == workers.Length, TimeSpan.FromSeconds(10), "every worker's message is recorded as sent");
        Providers.Aliyun.Delivers = m => !(m.Phone == workers[0] && sent.Any(s => s.MessageId == m.MessageId));
        try
        {
            var reports = $"/api/sms/providers/aliyun/reports/{LocalSmsProviders.CallbackToken}";
            Assert.Equal(HttpStatusCode.OK, (await provider.PostAsJsonAsync(reports, Providers.Aliyun.Reports(sent))).StatusCode);
        }
        finally
        {
            Providers.Aliyun.Delivers = _ => true;
        }
        foreach (var phone in workers)
            Assert.Equal(phone == workers[0] ? "failed" : "delivered", await Deployment.Scalar<string>("""
                SELECT m.state FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id WHERE o.group_notice_id = $1 AND m.phone = $2
                """, draft.id.ToString("N"), phone));
    }

    [Fact]
    public async Task A_group_notice_Alibaba_Cloud_turns_away_goes_to_Tencent_Cloud_as_one_batch_and_a_number_it_refuses_is_dead_lettered_alone()
    {
        Providers.Aliyun.Keys[LocalSmsProviders.AliyunKeyId] = "rotated-elsewhere";
        Providers.Tencent.RefusedNumbers["13903710002"] = "FailedOperation.PhoneNumberInBlacklist";
        try
        {
            using var admin = await WebSession.SignIn(fixture.Web, "admin");
            var text = $"明天上午九点全员服务规范培训（{Guid.NewGuid().ToString("N")[..6]}）。";
            var draft = new { id = Guid.NewGuid(), text, audience = new { kind = "workers" } };
            Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("/api/admin/sms/notices", draft)).StatusCode);
            var notice = draft.id.ToString("N");
            var rows = await Deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1", notice);
            await Eventually.True(async () => await Deployment.Scalar<long>(
                    "SELECT count(*) FROM notification_outbox WHERE group_notice_id = $1 AND (sent_at IS NOT NULL OR dead_at IS NOT NULL)", notice) == rows,
                TimeSpan.FromSeconds(30), "every row of the notice is settled");

            var sent = Providers.Tencent.Messages.Where(m => m.Values.SequenceEqual([text])).ToList();
            Assert.NotEmpty(sent);
            Assert.InRange(sent.Select(m => m.OutId).Distinct().Count(), 1, Deployment.Silos.Count); // batches, at most one per silo
            Assert.Equal(sent.Count, sent.Select(m => m.Phone).Distinct().Count());
            Assert.DoesNotContain(Providers.Aliyun.Messages, m => m.Values.SequenceEqual([text]));
            Assert.Equal((long)sent.Count, await Deployment.Scalar<long>("""
                SELECT count(*) FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id
                WHERE o.group_notice_id = $1 AND m.state = 'sent' AND m.provider = 'tencent'
                """, notice));
            Assert.Equal("FailedOperation.PhoneNumberInBlacklist", await Deployment.Scalar<string>("""
                SELECT m.error_code FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id
                WHERE o.group_notice_id = $1 AND m.phone = '13903710002' AND m.state = 'dead'
                """, notice));
        }
        finally
        {
            Providers.Aliyun.Keys[LocalSmsProviders.AliyunKeyId] = LocalSmsProviders.AliyunSecret;
            Providers.Tencent.RefusedNumbers.TryRemove("13903710002", out _);
        }
    }

    [Fact]
    public async Task A_notice_set_a_few_seconds_ahead_waits_for_its_time_then_reaches_the_members_who_chose_sms()
    {
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var text = $"本周六会员服务日，保洁服务九折（{Guid.NewGuid().ToString("N")[..6]}）。";
        var sendAt = DateTimeOffset.UtcNow.AddSeconds(8);
        var draft = new { id = Guid.NewGuid(), text, audience = new { kind = "members" }, sendAt };
        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("/api/admin/sms/notices", draft)).StatusCode);
        var waiting = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/sms/notices/{draft.id}");
        Assert.Equal("Scheduled", waiting.GetProperty("notice").GetProperty("status").GetString());

        // The reminder releases it at its time: the demo's two members (both chose SMS) get it, none before then.
        List<SimMessage> arrived = [];
        await Eventually.True(() => Task.FromResult((arrived = Providers.Aliyun.Messages.Where(m => m.Values.FirstOrDefault() == text).ToList())
            .Select(m => m.Phone).Intersect(["13800138000", "13700137000"]).Count() == 2), TimeSpan.FromSeconds(90), "the notice reaches both members");
        Assert.All(arrived, m => Assert.True(m.At >= sendAt - TimeSpan.FromMilliseconds(50), $"{m.Phone} got it at {m.At:O}, before {sendAt:O}"));
        Assert.Equal(arrived.Count, arrived.Select(m => m.Phone).Distinct().Count());
        var released = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/admin/sms/notices/{draft.id}");
        Assert.Equal("Released", released.GetProperty("notice").GetProperty("status").GetString());
    }
}
