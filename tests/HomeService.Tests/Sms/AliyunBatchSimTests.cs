using System.Globalization;
using System.Text;
using System.Text.Json;
using HomeService.Sms.Providers;
using HomeService.SmsSim;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// The local Alibaba Cloud server refuses a malformed SendBatchSms whole, as the provider does, whatever our client
/// would send: arrays of different lengths, a sign it never approved, an empty batch. Requests are signed by hand here,
/// since our client cannot produce them.
/// </summary>
public sealed class AliyunBatchSimTests : LocalSmsServerTest
{
    private async Task<string?> SendBatch(string[] phones, string[] signs, int parameters)
    {
        var form = AliyunSignature.CanonicalQuery([
            new("PhoneNumberJson", JsonSerializer.Serialize(phones)), new("SignNameJson", JsonSerializer.Serialize(signs)),
            new("TemplateCode", LocalSmsProviders.AliyunTemplate("group.notice")),
            new("TemplateParamJson", JsonSerializer.Serialize(Enumerable.Repeat(new { content = "停水通知" }, parameters))),
        ]);
        var host = new Uri(Sim.AliyunUrl).Authority;
        Dictionary<string, string> headers = new()
        {
            ["host"] = host, ["content-type"] = AliyunSmsProvider.FormContentType, ["x-acs-action"] = "SendBatchSms",
            ["x-acs-version"] = AliyunSmsProvider.Version, ["x-acs-content-sha256"] = AliyunSignature.Sha256Hex(form),
            ["x-acs-date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["x-acs-signature-nonce"] = Guid.NewGuid().ToString("N"),
        };
        var (signature, signed) = AliyunSignature.Sign("POST", "/", [], headers, form, LocalSmsProviders.AliyunSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, Sim.AliyunUrl + "/") { Content = new StringContent(form, Encoding.UTF8) };
        request.Content.Headers.ContentType = new(AliyunSmsProvider.FormContentType);
        foreach (var (name, value) in headers.Where(h => h.Key.StartsWith("x-acs-"))) request.Headers.Add(name, value);
        request.Headers.TryAddWithoutValidation("Authorization", AliyunSignature.Authorization(LocalSmsProviders.AliyunKeyId, signed, signature));
        using var response = await Http.SendAsync(request);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Code").GetString();
    }

    [Fact]
    public async Task A_well_formed_batch_is_taken_one_message_per_number()
    {
        Assert.Equal("OK", await SendBatch(["13512349401", "13512349402"], [LocalSmsProviders.SignName, LocalSmsProviders.SignName], 2));
        Assert.Equal(2, Sim.Aliyun.Messages.Count(m => m.Phone is "13512349401" or "13512349402"));
    }

    [Theory]
    [InlineData(2, 1, 2, "isv.INVALID_PARAMETERS")]
    [InlineData(2, 2, 3, "isv.INVALID_PARAMETERS")]
    [InlineData(0, 0, 0, "isv.INVALID_PARAMETERS")]
    public async Task Arrays_that_do_not_pair_up_refuse_the_whole_batch(int numbers, int signs, int parameters, string code)
    {
        var phones = Enumerable.Range(0, numbers).Select(i => $"1351234941{i}").ToArray();
        Assert.Equal(code, await SendBatch(phones, Enumerable.Repeat(LocalSmsProviders.SignName, signs).ToArray(), parameters));
        Assert.DoesNotContain(Sim.Aliyun.Messages, m => phones.Contains(m.Phone));
    }

    [Fact]
    public async Task A_sign_never_approved_for_one_number_refuses_the_whole_batch()
    {
        Assert.Equal("isv.SMS_SIGNATURE_ILLEGAL", await SendBatch(["13512349421", "13512349422"], [LocalSmsProviders.SignName, "别家签名"], 2));
        Assert.Empty(Sim.Aliyun.Messages);
    }
}
