using System.Globalization;
using System.Text.Json;
using HomeService.Web.Api;

namespace HomeService.Web.Sms;

/// <summary>A provider's status report (状态报告) for one message: delivered or failed, with the provider's code.</summary>
public sealed record SmsReport(string Provider, string? OutId, string? MessageId, string Phone, bool Delivered, string Code, string? Description,
    DateTimeOffset? At);

/// <summary>A reply (上行短信) from a phone.</summary>
public sealed record SmsReply(string Provider, string Phone, string Text, DateTimeOffset At);

/// <summary>
/// The providers' documented callback bodies, read into one shape: Alibaba Cloud's SmsReport and SmsUp pushes (JSON
/// arrays with snake_case fields), Tencent Cloud's status callback (an array) and reply callback (one object).
/// Times without an offset are Beijing time, as both providers send them.
/// </summary>
public static class ProviderCallbacks
{
    public static IReadOnlyList<SmsReport> Reports(string provider, JsonElement body) => provider switch
    {
        "aliyun" => Items(body).Select(r => new SmsReport("aliyun", Text(r, "out_id"), Text(r, "biz_id"), Bare(Text(r, "phone_number")),
            r.TryGetProperty("success", out var s) && (s.ValueKind == JsonValueKind.True || s.ValueKind == JsonValueKind.String && s.GetString() == "true"),
            Text(r, "err_code") ?? "", Text(r, "err_msg"), Time(Text(r, "report_time")))).ToList(),
        "tencent" => Items(body).Select(r => new SmsReport("tencent", null, Text(r, "sid"), Bare(Text(r, "mobile")),
            Text(r, "report_status") == "SUCCESS", Text(r, "errmsg") ?? "", Text(r, "description"), Time(Text(r, "user_receive_time")))).ToList(),
        _ => [],
    };

    public static IReadOnlyList<SmsReply> Replies(string provider, JsonElement body, DateTimeOffset now) => provider switch
    {
        "aliyun" => Items(body).Select(r => new SmsReply("aliyun", Bare(Text(r, "phone_number")), Text(r, "content") ?? "",
            Time(Text(r, "send_time")) ?? now)).ToList(),
        "tencent" => Items(body).Select(r => new SmsReply("tencent", Bare(Text(r, "mobile")), Text(r, "text") ?? "",
            r.TryGetProperty("time", out var t) && t.TryGetInt64(out var unix) ? DateTimeOffset.FromUnixTimeSeconds(unix) : now)).ToList(),
        _ => [],
    };

    /// <summary>Both providers' success answers, which stop them pushing the same batch again.</summary>
    public static object Acknowledgement(string provider) => provider == "tencent"
        ? new Dictionary<string, object> { ["result"] = 0, ["errmsg"] = "OK" }
        : new Dictionary<string, object> { ["code"] = 0, ["msg"] = "成功" };

    private static IEnumerable<JsonElement> Items(JsonElement body) => body.ValueKind switch
    {
        JsonValueKind.Array => body.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object),
        JsonValueKind.Object => [body],
        _ => [],
    };

    /// <summary>
    /// A field's text, with any character the center refuses elsewhere (a NUL, which PostgreSQL cannot store; a bidi
    /// override) replaced by U+FFFD: a push refused would be pushed again forever and the resident's reply lost, so it is
    /// kept, made safe.
    /// </summary>
    private static string? Text(JsonElement json, string name) =>
        json.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? RequestCharacters.Replaced(v.GetString()!)
            : v.ValueKind == JsonValueKind.Null ? null : RequestCharacters.Replaced(v.GetRawText()) : null;

    private static string Bare(string? phone)
    {
        var digits = new string((phone ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("86") ? digits[2..] : digits;
    }

    private static DateTimeOffset? Time(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, TimeSpan.FromHours(8)).ToUniversalTime() : null;
}
