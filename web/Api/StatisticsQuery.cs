using System.Globalization;
using HomeService.Web.Data;

namespace HomeService.Web.Api;

/// <summary>
/// The statistics query string. Dates are read here rather than by the binder so a bad one is a field error
/// (naming "from" or "to") instead of a bare 400. A date alone ("2026-05-01") is a whole day in Asia/Shanghai, so
/// <c>to=2026-05-31</c> includes the 31st; a timestamp is an instant (without an offset, Asia/Shanghai) and
/// <c>to</c> is then exclusive. Without <c>from</c> and <c>to</c>: the last 30 days, today included.
/// </summary>
public sealed record StatisticsQuery(string? From, string? To, string? Kind, string? Category, string? Merchant, string? District, string? Channel)
{
    public const int MaxDays = 366;

    public (OrderStatistics.Filter? Filter, Dictionary<string, string[]> Errors) Parse(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        var fallback = OrderStatistics.Filter.LastDays(now);
        var from = Instant(From, endOfDay: false, fallback.From, "from", errors);
        var to = Instant(To, endOfDay: true, fallback.To, "to", errors);
        // Only one of the two given: the other keeps its default distance, so "from=…" alone means 30 days from then.
        var span = fallback.To - fallback.From;
        if (From is { Length: > 0 } && To is not { Length: > 0 }) to = from <= DateTimeOffset.MaxValue - span ? from + span : DateTimeOffset.MaxValue;
        if (To is { Length: > 0 } && From is not { Length: > 0 }) from = to >= DateTimeOffset.MinValue + span ? to - span : DateTimeOffset.MinValue;
        if (errors.Count == 0 && to <= from) errors["to"] = ["after-from"];
        else if (errors.Count == 0 && to - from > TimeSpan.FromDays(MaxDays)) errors["to"] = [$"max-days:{MaxDays}"];

        var kind = Kind is { Length: > 0 } ? Kind.Trim().ToLowerInvariant() : null;
        if (kind is not null && !OrderStatistics.Kinds.Contains(kind)) errors["kind"] = ["unknown"];

        return errors.Count > 0 ? (null, errors)
            : (new OrderStatistics.Filter(from, to, kind, Blank(Category), Blank(Merchant), Blank(District), Blank(Channel)), errors);
    }

    private static DateTimeOffset Instant(string? text, bool endOfDay, DateTimeOffset fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is > 1 and < 9999)
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), OrderStatistics.China).AddDays(endOfDay ? 1 : 0);
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) && time.Year is > 1 and < 9999)
            return time.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(time, OrderStatistics.China) : new DateTimeOffset(time.ToUniversalTime());
        errors[field] = ["format"];
        return fallback;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
