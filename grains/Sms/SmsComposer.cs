using System.Globalization;
using System.Text.Json;

namespace HomeService.Sms;

/// <summary>
/// Turns an outbox row's parameters into the values a template shows: times in Beijing time ("12月7日 14:00"), a service
/// category or a deadline by its Chinese name, a link with the site's address in front. Secret values (a code) are masked in the text
/// the SMS log keeps.
/// </summary>
public sealed class SmsComposer(string siteUrl)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    public const string Masked = "******";

    /// <param name="categoryNow">The category's name as the outbox claim read it from the catalogue, so a category made a moment ago never shows as its code.</param>
    public Dictionary<string, string> Values(string paramsJson, string? categoryNow = null)
    {
        var values = new Dictionary<string, string>();
        using var doc = JsonDocument.Parse(paramsJson);
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var raw = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetRawText();
            values[p.Name] = p.Name switch
            {
                "category" => categoryNow ?? raw,
                "clock" => SlaClockNames.Name(raw),
                "link" => siteUrl.TrimEnd('/') + "/" + raw.TrimStart('/'),
                _ when p.Value.ValueKind == JsonValueKind.String && raw.Length >= 20 && raw[4] == '-' && raw[10] == 'T'
                    && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => BeijingTime(at),
                _ => raw,
            };
        }
        return values;
    }

    public static string BeijingTime(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Beijing).ToString("M月d日 HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The text for the SMS log: as sent, with every secret value masked.</summary>
    public static string LoggedText(SmsTemplate template, IReadOnlyDictionary<string, string> values) =>
        template.Render(values.ToDictionary(v => v.Key, v => SmsTemplates.Secret.Contains(v.Key) ? Masked : v.Value));
}
