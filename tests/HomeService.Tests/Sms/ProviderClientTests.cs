using HomeService.Sms;
using HomeService.Sms.Providers;
using HomeService.SmsSim;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// Each provider's client against its local server, without a cluster: a message is taken, found again by its out id,
/// and asked about by the status query; a wrong secret is refused the way the provider refuses it.
/// </summary>
public sealed class ProviderClientTests : LocalSmsServerTest
{
    private static SmsOutgoing Code(string phone, string templateCode)
    {
        var template = SmsTemplates.Find("verification.code")!;
        var values = new Dictionary<string, string> { ["code"] = "428351", ["minutes"] = "5" };
        return new SmsOutgoing(Guid.NewGuid(), phone, template, templateCode, values, template.Render(values));
    }

    private ISmsProvider Aliyun(string secret = LocalSmsProviders.AliyunSecret) => new AliyunSmsProvider(Http, new AliyunSmsSettings
    {
        Endpoint = Sim.AliyunUrl, AccessKeyId = LocalSmsProviders.AliyunKeyId, AccessKeySecret = secret, SignName = LocalSmsProviders.SignName,
    }, TimeProvider.System);

    private ISmsProvider Tencent(string secret = LocalSmsProviders.TencentSecretKey) => new TencentSmsProvider(Http, new TencentSmsSettings
    {
        Endpoint = Sim.TencentUrl, SecretId = LocalSmsProviders.TencentSecretId, SecretKey = secret, SdkAppId = Sim.Tencent.SdkAppId,
        SignName = LocalSmsProviders.SignName,
    }, TimeProvider.System);

    public static TheoryData<string> Providers => new() { "aliyun", "tencent" };

    private (ISmsProvider Client, SimProvider Server, string Template) Pick(string name, string? secret = null) => name == "aliyun"
        ? (secret is null ? Aliyun() : Aliyun(secret), Sim.Aliyun, LocalSmsProviders.AliyunTemplate("verification.code"))
        : (secret is null ? Tencent() : Tencent(secret), Sim.Tencent, LocalSmsProviders.TencentTemplate("verification.code"));

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_message_is_taken_found_again_by_its_out_id_and_reported_delivered(string name)
    {
        var (client, server, template) = Pick(name);
        var message = Code("13512349301", template);
        var outcome = await client.Send(message, CancellationToken.None);
        Assert.Equal(SmsSendStatus.Accepted, outcome.Status);
        var taken = Assert.Single(server.Messages, m => m.OutId == message.OutId.ToString("N"));
        Assert.Equal((outcome.MessageId, "13512349301", "428351"), (taken.MessageId, taken.Phone, taken.Values[0]));
        Assert.NotNull(await client.FindSent(message, DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None));
        Assert.Null(await client.FindSent(message with { OutId = Guid.NewGuid() }, DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None));
        var status = await client.Status(new SmsSentRecord(message.OutId, message.Phone, outcome.MessageId, DateTimeOffset.UtcNow), CancellationToken.None);
        Assert.Equal((true, true), (status!.Final, status.Delivered));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_wrong_secret_is_refused_with_the_providers_own_code_and_nothing_is_sent(string name)
    {
        var (client, server, template) = Pick(name, secret: "not-the-secret");
        var message = Code("13512349302", template);
        var outcome = await client.Send(message, CancellationToken.None);
        Assert.Equal((SmsSendStatus.Retry, name == "aliyun" ? "SignatureDoesNotMatch" : "AuthFailure.SignatureFailure"), (outcome.Status, outcome.Code));
        Assert.DoesNotContain(server.Messages, m => m.OutId == message.OutId.ToString("N"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_template_the_provider_never_approved_is_refused_for_good(string name)
    {
        var (client, _, _) = Pick(name);
        var outcome = await client.Send(Code("13512349303", "SMS_0"), CancellationToken.None);
        Assert.Equal((SmsSendStatus.Refused, name == "aliyun" ? "isv.SMS_TEMPLATE_ILLEGAL" : "FailedOperation.TemplateIncorrectOrUnapproved"),
            (outcome.Status, outcome.Code));
    }

    private static SmsBatch Notice(string provider, params string[] phones)
    {
        var template = SmsTemplates.Find("group.notice")!;
        var values = new Dictionary<string, string> { ["content"] = "春节期间服务热线照常接听。" };
        var code = provider == "aliyun" ? LocalSmsProviders.AliyunTemplate("group.notice") : LocalSmsProviders.TencentTemplate("group.notice");
        return new SmsBatch(Guid.NewGuid(), phones, template, code, values, template.Render(values));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_batch_is_one_request_and_each_number_is_found_again_by_the_batchs_out_id_and_its_number(string name)
    {
        var (client, server, _) = Pick(name);
        var batch = Notice(name, "13512349311", "13512349312", "13512349313");
        var requests = server.Requests;
        var outcomes = await client.SendBatch(batch, CancellationToken.None);
        Assert.Equal(requests + 1, server.Requests);
        Assert.All(outcomes, o => Assert.Equal(SmsSendStatus.Accepted, o.Status));
        var taken = server.Messages.Where(m => m.OutId == batch.OutId.ToString("N")).ToList();
        Assert.Equal(batch.Phones, taken.Select(m => m.Phone).Order());
        Assert.All(taken, m => Assert.Equal("春节期间服务热线照常接听。", Assert.Single(m.Values)));
        foreach (var (phone, outcome) in batch.Phones.Zip(outcomes))
        {
            Assert.Equal(outcome.MessageId, taken.Single(m => m.Phone == phone).MessageId);
            Assert.NotNull(await client.FindSent(batch.For(phone), DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None));
            var status = await client.Status(new SmsSentRecord(batch.OutId, phone, outcome.MessageId, DateTimeOffset.UtcNow), CancellationToken.None);
            Assert.Equal((true, true), (status!.Final, status.Delivered));
        }
        Assert.Null(await client.FindSent(batch.For("13512349314"), DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None));
    }

    [Theory]
    [InlineData("aliyun", "isv.BLACK_KEY_CONTROL_LIMIT")]
    [InlineData("tencent", "FailedOperation.PhoneNumberInBlacklist")]
    public async Task A_number_the_provider_refuses_in_a_batch_is_refused_alone_and_the_others_go_once(string name, string refusal)
    {
        var (client, server, _) = Pick(name);
        server.RefusedNumbers["13512349322"] = refusal;
        var batch = Notice(name, "13512349321", "13512349322", "13512349323");
        var outcomes = await client.SendBatch(batch, CancellationToken.None);
        Assert.Equal([SmsSendStatus.Accepted, SmsSendStatus.Refused, SmsSendStatus.Accepted], outcomes.Select(o => o.Status));
        Assert.Equal(refusal, outcomes[1].Code);
        var taken = server.Messages.Where(m => m.OutId == batch.OutId.ToString("N")).Select(m => m.Phone).Order();
        Assert.Equal(["13512349321", "13512349323"], taken);
    }

    [Fact]
    public async Task Alibaba_Cloud_refuses_a_batch_of_more_than_a_hundred_numbers_whole()
    {
        var batch = Notice("aliyun", Enumerable.Range(0, 101).Select(i => $"1391234{i:D4}").ToArray());
        var outcomes = await Aliyun().SendBatch(batch, CancellationToken.None);
        Assert.All(outcomes, o => Assert.Equal((SmsSendStatus.Refused, "isv.MOBILE_COUNT_OVER_LIMIT"), (o.Status, o.Code)));
        Assert.DoesNotContain(Sim.Aliyun.Messages, m => m.OutId == batch.OutId.ToString("N"));
    }
}
