using System.Text;
using System.Text.Json;

namespace HomeService.Sms.Providers;

/// <summary>
/// Tencent Cloud SMS (API version 2021-01-11) over its HTTP API, signed with TC3-HMAC-SHA256: <c>SendSms</c> with the
/// outbox id (or a group notice batch's out id, for up to 200 numbers) as <c>SessionContext</c>, and
/// <c>PullSmsSendStatusByPhoneNumber</c> to find a message already taken.
/// Numbers go in E.164 form. No SDK: we own these hundred lines.
/// </summary>
public sealed class TencentSmsProvider(HttpClient http, TencentSmsSettings settings, TimeProvider clock) : ISmsProvider
{
    public const string Service = "sms";
    public const string Version = "2021-01-11";
    public const string ContentType = "application/json; charset=utf-8";

    public string Name => "tencent";
    public string SignName => settings.SignName;

    public static string E164(string mainlandMobile) => mainlandMobile.StartsWith('+') ? mainlandMobile : "+86" + mainlandMobile;

    public int MaxBatch => 200;

    public async Task<SmsSendOutcome> Send(SmsOutgoing message, CancellationToken ct) =>
        (await SendBatch(new SmsBatch(message.OutId, [message.Phone], message.Template, message.TemplateCode, message.Values, message.Text), ct))[0];

    /// <summary>
    /// SendSms takes up to 200 numbers with one TemplateParamSet and answers a SendStatusSet entry per number, matched
    /// back by its number; an error of the whole request is every number's outcome.
    /// </summary>
    public async Task<IReadOnlyList<SmsSendOutcome>> SendBatch(SmsBatch batch, CancellationToken ct)
    {
        var json = await Call("SendSms", new
        {
            PhoneNumberSet = batch.Phones.Select(E164).ToArray(),
            SmsSdkAppId = settings.SdkAppId,
            SignName = settings.SignName,
            TemplateId = batch.TemplateCode,
            TemplateParamSet = batch.Template.Values(batch.Values),
            SessionContext = batch.OutId.ToString("N"),
        }, ct);
        if (Error(json) is { } error)
        {
            var all = TencentErrors.IsPermanent(error.Code) ? SmsSendOutcome.Refused(error.Code, error.Message) : SmsSendOutcome.Retry(error.Code, error.Message);
            return batch.Phones.Select(_ => all).ToList();
        }
        var statuses = json.GetProperty("SendStatusSet").EnumerateArray().GroupBy(s => Text(s, "PhoneNumber") ?? "").ToDictionary(g => g.Key, g => g.First());
        return batch.Phones.Select(phone => statuses.TryGetValue(E164(phone), out var status) ? Outcome(status)
            : SmsSendOutcome.Retry("missing-status", "SendStatusSet has no entry for this number")).ToList();
    }

    private static SmsSendOutcome Outcome(JsonElement status)
    {
        var code = Text(status, "Code") ?? "";
        if (code == "Ok") return SmsSendOutcome.Accepted(Text(status, "SerialNo") ?? "");
        return TencentErrors.IsPermanent(code) ? SmsSendOutcome.Refused(code, Text(status, "Message")) : SmsSendOutcome.Retry(code, Text(status, "Message"));
    }

    public async Task<string?> FindSent(SmsOutgoing message, DateTimeOffset since, CancellationToken ct)
    {
        var outId = message.OutId.ToString("N");
        foreach (var s in await Pulled(message.Phone, since, ct))
            if (Text(s, "SessionContext") == outId) return Text(s, "SerialNo");
        return null;
    }

    public async Task<SmsStatus?> Status(SmsSentRecord message, CancellationToken ct)
    {
        var outId = message.OutId.ToString("N");
        foreach (var s in await Pulled(message.Phone, message.SentAt, ct))
            if (message.MessageId is { Length: > 0 } serial ? Text(s, "SerialNo") == serial : Text(s, "SessionContext") == outId)
                return new SmsStatus(true, Text(s, "ReportStatus") == "SUCCESS", Text(s, "Description"), null);
        return null;
    }

    /// <summary>PullSmsSendStatusByPhoneNumber: the status reports for one number since a moment (the first 100).</summary>
    private async Task<List<JsonElement>> Pulled(string phone, DateTimeOffset since, CancellationToken ct)
    {
        var json = await Call("PullSmsSendStatusByPhoneNumber", new
        {
            BeginTime = since.AddMinutes(-1).ToUnixTimeSeconds(),
            EndTime = clock.GetUtcNow().AddMinutes(1).ToUnixTimeSeconds(),
            Offset = 0,
            Limit = 100,
            PhoneNumber = E164(phone),
            SmsSdkAppId = settings.SdkAppId,
        }, ct);
        if (Error(json) is { } error) throw new HttpRequestException($"PullSmsSendStatusByPhoneNumber: {error.Code} {error.Message}");
        return json.GetProperty("PullSmsSendStatusSet").EnumerateArray().ToList();
    }

    /// <summary>One signed POST; the "Response" object of the answer. A 5xx without one throws.</summary>
    private async Task<JsonElement> Call(string action, object payload, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(payload);
        var uri = new Uri(settings.Endpoint);
        var host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        var (signature, signed, scope) = TencentSignature.Sign(Service, timestamp, "POST", "/", "",
            [new("content-type", ContentType), new("host", host), new("x-tc-action", action.ToLowerInvariant())], body, settings.SecretKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(uri, "/"));
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization", TencentSignature.Authorization(settings.SecretId, scope, signed, signature));
        request.Headers.TryAddWithoutValidation("X-TC-Action", action);
        request.Headers.TryAddWithoutValidation("X-TC-Timestamp", timestamp.ToString());
        request.Headers.TryAddWithoutValidation("X-TC-Version", Version);
        request.Headers.TryAddWithoutValidation("X-TC-Region", settings.Region);
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return JsonDocument.Parse(text).RootElement.GetProperty("Response").Clone();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new HttpRequestException($"{action}: HTTP {(int)response.StatusCode} without a Response object");
        }
    }

    private static (string Code, string? Message)? Error(JsonElement response) =>
        response.TryGetProperty("Error", out var e) ? (Text(e, "Code") ?? "", Text(e, "Message")) : null;

    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;
}

/// <summary>Which of Tencent Cloud's SMS error codes are the message's own fault, so retrying can never help.</summary>
public static class TencentErrors
{
    private static readonly HashSet<string> Permanent =
    [
        "InvalidParameterValue.IncorrectPhoneNumber", "FailedOperation.PhoneNumberParseFail", "FailedOperation.PhoneNumberInBlacklist",
        "FailedOperation.TemplateIncorrectOrUnapproved", "FailedOperation.SignatureIncorrectOrUnapproved", "FailedOperation.MissingTemplateToModify",
        "InvalidParameterValue.TemplateParameterFormatError", "InvalidParameterValue.TemplateParameterLengthLimit",
        "FailedOperation.ContainSensitiveWord", "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber",
        "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter",
    ];

    public static bool IsPermanent(string code) => Permanent.Contains(code);
}
