using System.Globalization;
using HomeService.CallCenter.Kpis;

namespace HomeService.Web.Api;

/// <summary>
/// The call-report query string, read here so a bad value is a problem naming its field. A date alone is a whole day
/// in Asia/Shanghai (<c>to=2026-11-30</c> includes the 30th); a timestamp is an instant (Shanghai when it has no
/// offset) and <c>to</c> is exclusive. Without dates: today so far. Ranges are capped so a report stays a report:
/// 92 days, or 31 days by 15 minutes.
/// </summary>
public sealed record CallReportQuery(string? From, string? To, string? By, string? Queue, string? Format)
{
    public const int MaxDays = 92;
    public const int MaxQuarterDays = 31;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public sealed record Parsed(DateTimeOffset From, DateTimeOffset To, string By, string? Queue, bool Csv);

    public (Parsed? Query, Dictionary<string, string[]> Errors) Parse(DateTimeOffset now, bool acceptsCsv)
    {
        var errors = new Dictionary<string, string[]>();
        var local = now.ToOffset(China);
        var today = new DateTimeOffset(local.Date, China);
        var from = Instant(From, endOfDay: false, today, "from", errors);
        var to = Instant(To, endOfDay: true, From is { Length: > 0 } && To is not { Length: > 0 } ? from.AddDays(1) : today.AddDays(1), "to", errors);
        var by = By is { Length: > 0 } ? By.Trim().ToLowerInvariant() : KpiGrouping.Quarter;
        if (!KpiGrouping.All.Contains(by)) errors["by"] = ["unknown"];
        var max = by == KpiGrouping.Quarter ? MaxQuarterDays : MaxDays;
        if (!errors.ContainsKey("from") && !errors.ContainsKey("to"))
        {
            if (to <= from) errors["to"] = ["after-from"];
            else if (to - from > TimeSpan.FromDays(max)) errors["to"] = [$"max-days:{max}"];
        }
        var format = Format is { Length: > 0 } ? Format.Trim().ToLowerInvariant() : null;
        if (format is not (null or "csv" or "json")) errors["format"] = ["unknown"];
        var queue = Queue is { Length: > 0 } ? Queue.Trim() : null;
        if (queue is { Length: > 64 }) errors["queue"] = ["max_length:64"];
        return errors.Count > 0 ? (null, errors) : (new Parsed(from, to, by, queue, format == "csv" || (format is null && acceptsCsv)), errors);
    }

    private static DateTimeOffset Instant(string? text, bool endOfDay, DateTimeOffset fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 2000 and < 9000)
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), China).AddDays(endOfDay ? 1 : 0);
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) && time.Year is > 2000 and < 9000)
            return time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, China) : new DateTimeOffset(time.ToUniversalTime());
        errors[field] = ["format"];
        return fallback;
    }
}
