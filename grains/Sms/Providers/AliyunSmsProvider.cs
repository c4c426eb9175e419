using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace HomeService.Sms.Providers;

/// <summary>
/// Alibaba Cloud SMS (Dysmsapi, API version 2017-05-25) over its HTTP API, signed with ACS3-HMAC-SHA256: <c>SendSms</c>
/// with the outbox id as <c>OutId</c>, <c>SendBatchSms</c> for a group notice's numbers under the batch's out id, and
/// <c>QuerySendDetails</c> (by number, then out id) to find a message already taken. Parameters travel in
/// the query string with an empty body, as the V3 signature page's example does. No SDK: we own these hundred lines.
/// </summary>
public sealed class AliyunSmsProvider(HttpClient http, AliyunSmsSettings settings, TimeProvider clock) : ISmsProvider
{
    public const string Version = "2017-05-25";
    public const string FormContentType = "application/x-www-form-urlencoded";
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public string Name => "aliyun";
    public string SignName => settings.SignName;

    public int MaxBatch => 100;

    public async Task<SmsSendOutcome> Send(SmsOutgoing message, CancellationToken ct)
    {
        var (ok, json) = await Call("SendSms", [
            new("PhoneNumbers", message.Phone), new("SignName", settings.SignName), new("TemplateCode", message.TemplateCode),
            new("TemplateParam", TemplateParam(message.Template, message.Values)), new("OutId", message.OutId.ToString("N")),
        ], ct);
        return Outcome(ok, json);
    }

    /// <summary>
    /// SendBatchSms: the numbers, then a sign and the parameters once per number, under the batch's out id; one BizId for
    /// all. Alibaba Cloud refuses the whole request for one number's fault without saying which, so such a batch goes
    /// again number by number (SendSms, same out id): none of it was taken, and only the culprit is refused.
    /// </summary>
    public async Task<IReadOnlyList<SmsSendOutcome>> SendBatch(SmsBatch batch, CancellationToken ct)
    {
        var param = TemplateParam(batch.Template, batch.Values);
        var (ok, json) = await Call("SendBatchSms", [
            new("PhoneNumberJson", JsonSerializer.Serialize(batch.Phones)),
            new("SignNameJson", JsonSerializer.Serialize(batch.Phones.Select(_ => settings.SignName))),
            new("TemplateCode", batch.TemplateCode),
            new("TemplateParamJson", "[" + string.Join(",", batch.Phones.Select(_ => param)) + "]"),
            new("OutId", batch.OutId.ToString("N")),
        ], ct, inBody: true);
        var outcome = Outcome(ok, json);
        if (outcome.Status != SmsSendStatus.Refused || batch.Phones.Count == 1 || !AliyunErrors.IsNumberFault(outcome.Code ?? ""))
            return batch.Phones.Select(_ => outcome).ToList();
        var each = new List<SmsSendOutcome>();
        foreach (var phone in batch.Phones) each.Add(await Send(batch.For(phone), ct));
        return each;
    }

    private static string TemplateParam(SmsTemplate template, IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(template.Params.ToDictionary(p => p.Name, p => values.GetValueOrDefault(p.Name, "")));

    private static SmsSendOutcome Outcome(bool ok, JsonElement json)
    {
        var code = Text(json, "Code") ?? "";
        if (ok && code == "OK") return SmsSendOutcome.Accepted(Text(json, "BizId") ?? "");
        return AliyunErrors.IsPermanent(code) ? SmsSendOutcome.Refused(code, Text(json, "Message")) : SmsSendOutcome.Retry(code, Text(json, "Message"));
    }

    public async Task<string?> FindSent(SmsOutgoing message, DateTimeOffset since, CancellationToken ct)
    {
        var outId = message.OutId.ToString("N");
        var first = TimeZoneInfo.ConvertTime(since, Beijing).Date;
        for (var day = first; day <= TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Beijing).Date; day = day.AddDays(1))
            foreach (var d in await Details(message.Phone, day, null, ct))
                if (Text(d, "OutId") == outId) return Text(d, "BizId") ?? $"out:{outId}";
        return null;
    }

    public async Task<SmsStatus?> Status(SmsSentRecord message, CancellationToken ct)
    {
        var outId = message.OutId.ToString("N");
        var bizId = message.MessageId is { Length: > 0 } id && !id.StartsWith("out:") ? id : null;
        var details = await Details(message.Phone, TimeZoneInfo.ConvertTime(message.SentAt, Beijing).Date, bizId, ct);
        if (details.FirstOrDefault(d => Text(d, "OutId") == outId || bizId is not null && Text(d, "OutId") is null) is not { ValueKind: JsonValueKind.Object } found)
            return null;
        // SendStatus: 1 waiting for the carrier's report, 2 failed, 3 delivered.
        return Text(found, "SendStatus") switch
        {
            "3" => new SmsStatus(true, true, Text(found, "ErrCode"), null),
            "2" => new SmsStatus(true, false, Text(found, "ErrCode"), null),
            _ => new SmsStatus(false, false, null, null),
        };
    }

    /// <summary>QuerySendDetails for one number and one Beijing day (at most 50, newest first), optionally for one BizId.</summary>
    private async Task<List<JsonElement>> Details(string phone, DateTime day, string? bizId, CancellationToken ct)
    {
        List<KeyValuePair<string, string>> query = [
            new("PhoneNumber", phone), new("SendDate", day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)), new("PageSize", "50"), new("CurrentPage", "1"),
        ];
        if (bizId is not null) query.Add(new("BizId", bizId));
        var (ok, json) = await Call("QuerySendDetails", query, ct);
        if (!ok || Text(json, "Code") != "OK") throw new HttpRequestException($"QuerySendDetails: {Text(json, "Code")} {Text(json, "Message")}");
        return json.TryGetProperty("SmsSendDetailDTOs", out var dtos) && dtos.TryGetProperty("SmsSendDetailDTO", out var list)
            ? list.EnumerateArray().ToList() : [];
    }

    /// <summary>
    /// One signed POST; the parsed answer and whether HTTP said success. A 5xx without a JSON answer throws. Parameters go
    /// in the query string, or with <paramref name="inBody"/> as a form body (a batch of 100 numbers would outgrow any
    /// URL), which the signature covers by its SHA-256.
    /// </summary>
    private async Task<(bool Ok, JsonElement Json)> Call(string action, List<KeyValuePair<string, string>> parameters, CancellationToken ct, bool inBody = false)
    {
        var uri = new Uri(settings.Endpoint);
        var host = uri.IsDefaultPort ? uri.Host : uri.Authority;
        var (query, body) = inBody ? ([], AliyunSignature.CanonicalQuery(parameters)) : (parameters, "");
        var headers = new Dictionary<string, string>
        {
            ["host"] = host,
            ["x-acs-action"] = action,
            ["x-acs-version"] = Version,
            ["x-acs-date"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["x-acs-signature-nonce"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ["x-acs-content-sha256"] = AliyunSignature.Sha256Hex(body),
        };
        if (inBody) headers["content-type"] = FormContentType;
        var (signature, signed) = AliyunSignature.Sign("POST", "/", query, headers, body, settings.AccessKeySecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(uri, query.Count == 0 ? "/" : "/?" + AliyunSignature.CanonicalQuery(query)));
        foreach (var (name, value) in headers.Where(h => h.Key is not ("host" or "content-type"))) request.Headers.TryAddWithoutValidation(name, value);
        request.Headers.Host = host;
        request.Headers.TryAddWithoutValidation("Authorization", AliyunSignature.Authorization(settings.AccessKeyId, signed, signature));
        request.Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body));
        if (inBody) request.Content.Headers.TryAddWithoutValidation("Content-Type", FormContentType);
        using var response = await http.SendAsync(request, ct);
        var answer = await response.Content.ReadAsStringAsync(ct);
        try
        {
            return (response.IsSuccessStatusCode, JsonDocument.Parse(answer).RootElement.Clone());
        }
        catch (JsonException) when ((int)response.StatusCode >= 500 || response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{action}: HTTP {(int)response.StatusCode} without a JSON answer");
        }
        catch (JsonException)
        {
            return (false, JsonDocument.Parse($"{{\"Code\":\"HTTP{(int)response.StatusCode}\"}}").RootElement.Clone());
        }
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;
}

/// <summary>Which of Alibaba Cloud's SendSms error codes are the message's own fault, so retrying can never help.</summary>
public static class AliyunErrors
{
    /// <summary>The flow-control refusal: the sender's own windows exist so this does not come back in normal use.</summary>
    public const string FlowControl = "isv.BUSINESS_LIMIT_CONTROL";

    private static readonly HashSet<string> Permanent =
    [
        "isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT", "isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL",
        "isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.PARAM_LENGTH_LIMIT", "isv.INVALID_JSON_PARAM",
        "isv.BLACK_KEY_CONTROL_LIMIT", "isv.SMS_CONTENT_ILLEGAL", "isv.SMS_SIGN_ILLEGAL", "isv.INVALID_PARAMETERS",
    ];

    public static bool IsPermanent(string code) => Permanent.Contains(code);

    /// <summary>Refusals that are one number's fault: in a batch they do not say which number.</summary>
    public static bool IsNumberFault(string code) => code is "isv.MOBILE_NUMBER_ILLEGAL" or "isv.BLACK_KEY_CONTROL_LIMIT";
}
