using System.Globalization;
using System.Text.Json;
using HomeService.Sms.Providers;

namespace HomeService.SmsSim;

/// <summary>
/// Tencent Cloud SMS (2021-01-11) as its documentation describes it, for TC3-HMAC-SHA256-signed requests: SendSms and
/// PullSmsSendStatusByPhoneNumber. Errors answer HTTP 200 with Response.Error, as Tencent Cloud's API 3.0 does;
/// per-number refusals come back in SendStatusSet.
/// </summary>
public sealed class TencentSim(TimeProvider clock) : SimProvider
{
    public static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    public const int MaxNumbers = 200;

    public string SdkAppId { get; set; } = "1400000000";

    public async Task<IResult> Handle(HttpContext http)
    {
        Interlocked.Increment(ref Requests);
        var request = http.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        if (Authenticate(request, body) is { } refused) return Error(refused.Code, refused.Message);
        if (request.Headers["X-TC-Version"] != TencentSmsProvider.Version) return Error("InvalidParameterValue", "X-TC-Version is not 2021-01-11");
        JsonElement p;
        try
        {
            p = JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return Error("InvalidParameter", "the body is not JSON");
        }
        return request.Headers["X-TC-Action"].ToString() switch
        {
            "SendSms" => await Send(p),
            "PullSmsSendStatusByPhoneNumber" => Pull(p),
            var action => Error("InvalidAction", $"{action} is not an action of sms"),
        };
    }

    private (string Code, string Message)? Authenticate(HttpRequest request, string body)
    {
        var auth = request.Headers.Authorization.ToString();
        if (!auth.StartsWith(TencentSignature.Algorithm + " ", StringComparison.Ordinal)) return ("AuthFailure.InvalidAuthorization", "Authorization is not TC3-HMAC-SHA256");
        var fields = auth[(TencentSignature.Algorithm.Length + 1)..].Split(',').Select(f => f.Trim().Split('=', 2)).Where(f => f.Length == 2)
            .ToDictionary(f => f[0], f => f[1]);
        if (!fields.TryGetValue("Credential", out var credential) || !fields.TryGetValue("SignedHeaders", out var signedList)
            || !fields.TryGetValue("Signature", out var signature) || credential.Split('/') is not [var secretId, var date, "sms", "tc3_request"])
            return ("AuthFailure.InvalidAuthorization", "Authorization is incomplete");
        if (!Keys.TryGetValue(secretId, out var secret)) return ("AuthFailure.SecretIdNotFound", "The SecretId is not found");
        if (!long.TryParse(request.Headers["X-TC-Timestamp"], out var timestamp)
            || (clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > Skew)
            return ("AuthFailure.SignatureExpire", "Request has expired");
        if (date != DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            return ("AuthFailure.SignatureFailure", "The credential date does not match the timestamp");
        var names = signedList.Split(';');
        if (!names.Contains("host") || !names.Contains("content-type")) return ("AuthFailure.SignatureFailure", "content-type and host must be signed");
        var headers = names.Select(n => new KeyValuePair<string, string>(n, n switch
        {
            "host" => request.Host.Value ?? "",
            "content-type" => request.ContentType ?? "",
            "x-tc-action" => request.Headers["X-TC-Action"].ToString().ToLowerInvariant(),
            _ => request.Headers[n].ToString(),
        }));
        var (expected, _, _) = TencentSignature.Sign("sms", timestamp, request.Method, request.Path.HasValue ? request.Path.Value! : "/",
            request.QueryString.HasValue ? request.QueryString.Value!.TrimStart('?') : "", headers, body, secret);
        return string.Equals(expected, signature, StringComparison.Ordinal) ? null
            : ("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
    }

    private async Task<IResult> Send(JsonElement p)
    {
        if (Text(p, "SmsSdkAppId") != SdkAppId) return Error("InvalidParameterValue.SdkAppIdNotExist", "SmsSdkAppId does not exist");
        if (!p.TryGetProperty("PhoneNumberSet", out var set) || set.ValueKind != JsonValueKind.Array || set.GetArrayLength() == 0)
            return Error("MissingParameter", "PhoneNumberSet is required");
        if (set.GetArrayLength() > MaxNumbers) return Error("LimitExceeded.PhoneNumberCountLimit", "at most 200 numbers a request");
        if (NextFault() is { } fault) return Error(fault, "injected");
        var sign = Text(p, "SignName") ?? "";
        var template = Text(p, "TemplateId") ?? "";
        if (!SignNames.Contains(sign)) return Error("FailedOperation.SignatureIncorrectOrUnapproved", "the sign name is not approved");
        if (!Templates.Contains(template)) return Error("FailedOperation.TemplateIncorrectOrUnapproved", "the template is not approved");
        var values = p.TryGetProperty("TemplateParamSet", out var v) ? v.EnumerateArray().Select(x => x.GetString() ?? "").ToList() : [];
        var context = Text(p, "SessionContext");
        var statuses = new List<object>();
        foreach (var number in set.EnumerateArray().Select(n => n.GetString() ?? ""))
        {
            if (!(number.StartsWith("+86") && number.Length == 14 && number[3] == '1' && number[4..].All(char.IsAsciiDigit)))
            {
                Interlocked.Increment(ref Refusals);
                statuses.Add(new { SerialNo = "", PhoneNumber = number, Fee = 0, SessionContext = context ?? "", Code = "InvalidParameterValue.IncorrectPhoneNumber",
                    Message = "the number is not in E.164 form", IsoCode = "" });
                continue;
            }
            if (RefusedNumbers.GetValueOrDefault(number[3..]) is { } numberFault)
            {
                Interlocked.Increment(ref Refusals);
                statuses.Add(new { SerialNo = "", PhoneNumber = number, Fee = 0, SessionContext = context ?? "", Code = numberFault,
                    Message = "refused for this number", IsoCode = "CN" });
                continue;
            }
            var serial = NewId();
            await Took(new SimMessage("tencent", serial, number[3..], sign, template, values, context, clock.GetUtcNow()));
            statuses.Add(new { SerialNo = serial, PhoneNumber = number, Fee = 1, SessionContext = context ?? "", Code = "Ok", Message = "send success", IsoCode = "CN" });
        }
        return TypedResults.Json(new { Response = new { SendStatusSet = statuses, RequestId = Guid.NewGuid().ToString() } }, SimProvider.Json);
    }

    private IResult Pull(JsonElement p)
    {
        var phone = Text(p, "PhoneNumber") ?? "";
        var from = p.TryGetProperty("BeginTime", out var b) ? DateTimeOffset.FromUnixTimeSeconds(b.GetInt64()) : DateTimeOffset.MinValue;
        var found = Messages.Where(m => m.Provider == "tencent" && "+86" + m.Phone == phone && m.At >= from && !NeverReported(m)).Take(100);
        return TypedResults.Json(new
        {
            Response = new
            {
                PullSmsSendStatusSet = found.Select(m => new
                {
                    UserReceiveTime = m.At.ToUnixTimeSeconds(), CountryCode = "86", SubscriberNumber = m.Phone, PhoneNumber = "+86" + m.Phone,
                    SerialNo = m.MessageId, ReportStatus = Delivers(m) ? "SUCCESS" : "FAIL", Description = Delivers(m) ? "DELIVRD" : "MN:0017",
                    SessionContext = m.OutId ?? "",
                }),
                RequestId = Guid.NewGuid().ToString(),
            },
        }, SimProvider.Json);
    }

    private IResult Error(string code, string message)
    {
        Interlocked.Increment(ref Refusals);
        return TypedResults.Json(new { Response = new { Error = new { Code = code, Message = message }, RequestId = Guid.NewGuid().ToString() } }, SimProvider.Json);
    }

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
