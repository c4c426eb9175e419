using System.Globalization;
using System.Text.Json;
using HomeService.Sms.Providers;

namespace HomeService.SmsSim;

/// <summary>
/// Alibaba Cloud's Dysmsapi (2017-05-25) as its documentation describes it, for V3-signed requests (ACS3-HMAC-SHA256):
/// SendSms, SendBatchSms and QuerySendDetails. The signature is recomputed from the request as it arrived; a mismatch, an unknown
/// AccessKey, a stale x-acs-date or a reused nonce is refused with the provider's error code and HTTP status.
/// </summary>
public sealed class AliyunSim(TimeProvider clock) : SimProvider
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(15);
    public const int MaxBatch = 100;

    public async Task<IResult> Handle(HttpContext http)
    {
        Interlocked.Increment(ref Requests);
        var request = http.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var query = Query(request.QueryString.Value);
        if (Authenticate(request, query, body) is { } refused) return Refuse(refused.Status, refused.Code, refused.Message);
        if (request.Headers["x-acs-version"] != AliyunSmsProvider.Version) return Refuse(400, "InvalidVersion", "Specified parameter Version is not valid.");
        // An RPC API's parameters may also come as a form body, which the signature covers by its SHA-256.
        var form = request.ContentType?.StartsWith(AliyunSmsProvider.FormContentType, StringComparison.OrdinalIgnoreCase) == true ? Query(body) : [];
        var p = query.Concat(form).GroupBy(q => q.Key).ToDictionary(g => g.Key, g => g.First().Value);
        return request.Headers["x-acs-action"].ToString() switch
        {
            "SendSms" => await Send(p),
            "SendBatchSms" => await SendBatch(p),
            "QuerySendDetails" => Query(p),
            var action => Refuse(404, "InvalidAction.NotFound", $"Specified api {action} is not found."),
        };
    }

    private (int Status, string Code, string Message)? Authenticate(HttpRequest request, List<KeyValuePair<string, string>> query, string body)
    {
        var auth = request.Headers.Authorization.ToString();
        if (!auth.StartsWith(AliyunSignature.Algorithm + " ", StringComparison.Ordinal)) return (400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        var fields = auth[(AliyunSignature.Algorithm.Length + 1)..].Split(',').Select(f => f.Trim().Split('=', 2)).Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1]);
        if (!fields.TryGetValue("Credential", out var keyId) || !fields.TryGetValue("SignedHeaders", out var signedList) || !fields.TryGetValue("Signature", out var signature))
            return (400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
        if (!Keys.TryGetValue(keyId, out var secret)) return (404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        if (!DateTimeOffset.TryParseExact(request.Headers["x-acs-date"].ToString(), "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var date) || (clock.GetUtcNow() - date).Duration() > Skew)
            return (400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
        if (request.Headers["x-acs-content-sha256"] != AliyunSignature.Sha256Hex(body)) return (400, "ContentSHA256NotMatched", "The content SHA-256 does not match.");
        var names = signedList.Split(';');
        if (!names.Contains("host") || request.Headers.Keys.Any(h => h.StartsWith("x-acs-", StringComparison.OrdinalIgnoreCase) && !names.Contains(h.ToLowerInvariant())))
            return (400, "IncompleteSignature", "Every x-acs-* header and host must be signed.");
        var headers = names.Select(n => new KeyValuePair<string, string>(n, n == "host" ? request.Host.Value ?? "" : request.Headers[n].ToString()));
        var (expected, _) = AliyunSignature.Sign(request.Method, request.Path.HasValue ? request.Path.Value! : "/", query, headers, body, secret);
        if (!string.Equals(expected, signature, StringComparison.Ordinal)) return (400, "SignatureDoesNotMatch", "Specified signature does not match our calculation.");
        var nonce = request.Headers["x-acs-signature-nonce"].ToString();
        if (nonce.Length == 0 || !NonceIsNew(nonce)) return (400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        return null;
    }

    private async Task<IResult> Send(Dictionary<string, string> p)
    {
        foreach (var name in new[] { "PhoneNumbers", "SignName", "TemplateCode" })
            if (!p.ContainsKey(name)) return Refuse(400, $"Missing{name}", $"{name} is mandatory for this action.");
        if (NextFault() is { } fault) return Answer(fault, "injected");
        var phones = p["PhoneNumbers"].Split(',');
        if (phones.Length > 1000) return Answer("isv.MOBILE_COUNT_OVER_LIMIT", "too many numbers");
        if (phones.Any(n => !IsMainlandMobile(n))) return Answer("isv.MOBILE_NUMBER_ILLEGAL", "invalid mobile number");
        if (phones.Select(n => RefusedNumbers.GetValueOrDefault(Bare(n))).FirstOrDefault(c => c is not null) is { } numberFault) return Answer(numberFault, "refused for this number");
        if (!SignNames.Contains(p["SignName"])) return Answer("isv.SMS_SIGNATURE_ILLEGAL", "the sign name is not approved");
        if (!Templates.Contains(p["TemplateCode"])) return Answer("isv.SMS_TEMPLATE_ILLEGAL", "the template is not approved");
        List<string> values;
        try
        {
            values = p.TryGetValue("TemplateParam", out var json)
                ? JsonSerializer.Deserialize<Dictionary<string, string>>(json)!.Values.ToList() : [];
        }
        catch (JsonException)
        {
            return Answer("isv.INVALID_JSON_PARAM", "TemplateParam is not a JSON object of strings");
        }
        var bizId = NewId() + "^0";
        foreach (var phone in phones)
            await Took(new SimMessage("aliyun", bizId, Bare(phone), p["SignName"], p["TemplateCode"], values, p.GetValueOrDefault("OutId"), clock.GetUtcNow()));
        return TypedResults.Json(new Dictionary<string, string> { ["Code"] = "OK", ["Message"] = "OK", ["BizId"] = bizId, ["RequestId"] = Guid.NewGuid().ToString() }, SimProvider.Json);
    }

    /// <summary>
    /// SendBatchSms: JSON arrays of numbers, signs (one per number) and template parameters (one object per number), at
    /// most 100 numbers. Like the provider, anything wrong with one number or one array refuses the whole request; a batch
    /// taken is one message per number under the batch's BizId and OutId.
    /// </summary>
    private async Task<IResult> SendBatch(Dictionary<string, string> p)
    {
        foreach (var name in new[] { "PhoneNumberJson", "SignNameJson", "TemplateCode" })
            if (!p.ContainsKey(name)) return Refuse(400, $"Missing{name}", $"{name} is mandatory for this action.");
        if (NextFault() is { } fault) return Answer(fault, "injected");
        List<string> phones, signs;
        List<Dictionary<string, string>>? values;
        try
        {
            phones = JsonSerializer.Deserialize<List<string>>(p["PhoneNumberJson"]) ?? [];
            signs = JsonSerializer.Deserialize<List<string>>(p["SignNameJson"]) ?? [];
            values = p.TryGetValue("TemplateParamJson", out var json) ? JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json) : null;
        }
        catch (JsonException)
        {
            return Answer("isv.INVALID_JSON_PARAM", "PhoneNumberJson, SignNameJson and TemplateParamJson must be JSON arrays");
        }
        if (phones.Count == 0) return Answer("isv.INVALID_PARAMETERS", "PhoneNumberJson is empty");
        if (phones.Count > MaxBatch) return Answer("isv.MOBILE_COUNT_OVER_LIMIT", "at most 100 numbers a batch");
        if (signs.Count != phones.Count || values is not null && values.Count != phones.Count)
            return Answer("isv.INVALID_PARAMETERS", "SignNameJson and TemplateParamJson must have one entry per number");
        if (phones.Any(n => !IsMainlandMobile(n))) return Answer("isv.MOBILE_NUMBER_ILLEGAL", "invalid mobile number");
        if (phones.Select(n => RefusedNumbers.GetValueOrDefault(Bare(n))).FirstOrDefault(c => c is not null) is { } numberFault) return Answer(numberFault, "refused for a number");
        if (signs.Any(sign => !SignNames.Contains(sign))) return Answer("isv.SMS_SIGNATURE_ILLEGAL", "the sign name is not approved");
        if (!Templates.Contains(p["TemplateCode"])) return Answer("isv.SMS_TEMPLATE_ILLEGAL", "the template is not approved");
        var bizId = NewId() + "^0";
        for (var i = 0; i < phones.Count; i++)
            await Took(new SimMessage("aliyun", bizId, Bare(phones[i]), signs[i], p["TemplateCode"], values?[i].Values.ToList() ?? [], p.GetValueOrDefault("OutId"),
                clock.GetUtcNow()));
        return TypedResults.Json(new Dictionary<string, string> { ["Code"] = "OK", ["Message"] = "OK", ["BizId"] = bizId, ["RequestId"] = Guid.NewGuid().ToString() }, SimProvider.Json);
    }

    private IResult Query(Dictionary<string, string> p)
    {
        if (!p.TryGetValue("PhoneNumber", out var phone)) return Refuse(400, "MissingPhoneNumber", "PhoneNumber is mandatory for this action.");
        if (!p.TryGetValue("SendDate", out var day)) return Refuse(400, "MissingSendDate", "SendDate is mandatory for this action.");
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var found = Messages.Where(m => m.Provider == "aliyun" && m.Phone == Bare(phone)
            && TimeZoneInfo.ConvertTime(m.At, beijing).ToString("yyyyMMdd", CultureInfo.InvariantCulture) == day
            && (!p.TryGetValue("BizId", out var bizId) || m.MessageId == bizId)).Reverse().Take(50).ToList();
        return TypedResults.Json(new
        {
            Code = "OK",
            Message = "OK",
            TotalCount = found.Count,
            RequestId = Guid.NewGuid().ToString(),
            SmsSendDetailDTOs = new
            {
                SmsSendDetailDTO = found.Select(m => new
                {
                    PhoneNum = m.Phone, SendStatus = NeverReported(m) ? 1 : Delivers(m) ? 3 : 2,
                    ErrCode = NeverReported(m) ? "" : Delivers(m) ? "DELIVERED" : "MN:0017", m.TemplateCode, OutId = m.OutId ?? "",
                    SendDate = TimeZoneInfo.ConvertTime(m.At, beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                }),
            },
        }, SimProvider.Json);
    }

    private IResult Answer(string code, string message)
    {
        Interlocked.Increment(ref Refusals);
        return TypedResults.Json(new Dictionary<string, string> { ["Code"] = code, ["Message"] = message, ["RequestId"] = Guid.NewGuid().ToString() }, SimProvider.Json);
    }

    private IResult Refuse(int status, string code, string message)
    {
        Interlocked.Increment(ref Refusals);
        return TypedResults.Json(new Dictionary<string, string> { ["Code"] = code, ["Message"] = message, ["RequestId"] = Guid.NewGuid().ToString() },
            SimProvider.Json, statusCode: status);
    }

    private static string Bare(string phone) => phone.StartsWith("+86") ? phone[3..] : phone.StartsWith("86") && phone.Length == 13 ? phone[2..] : phone;

    private static bool IsMainlandMobile(string phone)
    {
        var n = Bare(phone);
        return n.Length == 11 && n[0] == '1' && n[1] is >= '3' and <= '9' && n.All(char.IsAsciiDigit);
    }

    /// <summary>The query string's pairs as sent, percent-decoded ('+' is a plus: RFC 3986, not a form).</summary>
    private static List<KeyValuePair<string, string>> Query(string? raw) =>
        string.IsNullOrEmpty(raw) ? [] : raw.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string>(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : ""))
            .ToList();

    /// <summary>The SmsReport push for messages as Alibaba Cloud sends it: a JSON array, one report per message.</summary>
    public IReadOnlyList<Dictionary<string, object>> Reports(IEnumerable<SimMessage> messages)
    {
        var beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        string Time(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, beijing).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return messages.Select(m => new Dictionary<string, object>
        {
            ["phone_number"] = m.Phone, ["send_time"] = Time(m.At), ["report_time"] = Time(m.At.AddSeconds(3)), ["success"] = Delivers(m),
            ["err_code"] = Delivers(m) ? "DELIVERED" : "MN:0017", ["err_msg"] = Delivers(m) ? "用户接收成功" : "空号", ["sms_size"] = "1",
            ["biz_id"] = m.MessageId, ["out_id"] = m.OutId ?? "",
        }).ToList();
    }
}
