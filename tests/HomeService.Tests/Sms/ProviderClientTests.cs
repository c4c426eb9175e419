using HomeService.Sms;
using HomeService.Sms.Providers;
using HomeService.SmsSim;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// Each provider's client against its local server, without a cluster: a message is taken, found again by its out id,
/// and asked about by the status query; a wrong secret is refused the way the provider refuses it.
/// </summary>
public sealed class ProviderClientTests : IAsyncLifetime
{
    private SmsSimHost _sim = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync() => _sim = await LocalSmsProviders.Start();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _sim.DisposeAsync();
    }

    private static SmsOutgoing Code(string phone, string templateCode)
    {
        var template = SmsTemplates.Find("verification.code")!;
        var values = new Dictionary<string, string> { ["code"] = "428351", ["minutes"] = "5" };
        return new SmsOutgoing(Guid.NewGuid(), phone, template, templateCode, values, template.Render(values));
    }

    private ISmsProvider Aliyun(string secret = LocalSmsProviders.AliyunSecret) => new AliyunSmsProvider(_http, new AliyunSmsSettings
    {
        Endpoint = _sim.AliyunUrl, AccessKeyId = LocalSmsProviders.AliyunKeyId, AccessKeySecret = secret, SignName = LocalSmsProviders.SignName,
    }, TimeProvider.System);

    private ISmsProvider Tencent(string secret = LocalSmsProviders.TencentSecretKey) => new TencentSmsProvider(_http, new TencentSmsSettings
    {
        Endpoint = _sim.TencentUrl, SecretId = LocalSmsProviders.TencentSecretId, SecretKey = secret, SdkAppId = _sim.Tencent.SdkAppId,
        SignName = LocalSmsProviders.SignName,
    }, TimeProvider.System);

    public static TheoryData<string> Providers => new() { "aliyun", "tencent" };

    private (ISmsProvider Client, SimProvider Server, string Template) Pick(string name, string? secret = null) => name == "aliyun"
        ? (secret is null ? Aliyun() : Aliyun(secret), _sim.Aliyun, LocalSmsProviders.AliyunTemplate("verification.code"))
        : (secret is null ? Tencent() : Tencent(secret), _sim.Tencent, LocalSmsProviders.TencentTemplate("verification.code"));

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
}
