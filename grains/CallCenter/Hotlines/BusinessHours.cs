using System.Globalization;
using System.Text.RegularExpressions;

namespace HomeService.CallCenter.Hotlines;

/// <summary>A span of a day when a number is answered, in minutes from midnight; To is exclusive and may be 1440 (24:00).</summary>
public sealed record OpenSpan(int From, int To)
{
    public bool Contains(TimeOnly time) => time.Hour * 60 + time.Minute is var m && m >= From && m < To;

    public override string ToString() => $"{Clock(From)}-{Clock(To)}";

    private static string Clock(int minutes) => $"{minutes / 60:D2}:{minutes % 60:D2}";
}

/// <summary>
/// Opening hours of one kind of day as people write them: "08:00-12:00,13:30-17:30" (commas, 、 or spaces between spans,
/// "-", "~" or "至" inside one), "00:00-24:00" all day, empty for closed. Spans do not cross midnight (an evening and the
/// next early morning are two spans, one on each day) and do not overlap.
/// </summary>
public static partial class BusinessHours
{
    public const string AllDay = "00:00-24:00";
    public const int MaxSpans = 6;

    /// <summary>The spans, sorted; null if the text is not hours.</summary>
    public static IReadOnlyList<OpenSpan>? Parse(string? text)
    {
        if (text is null) return null;
        var parts = Joiner().Replace(text, "$1").Split([',', '，', '、', ';', '；', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length > MaxSpans) return null;
        var spans = new List<OpenSpan>();
        foreach (var part in parts)
        {
            var m = SpanPattern().Match(part);
            if (!m.Success || Minutes(m.Groups[1].Value, m.Groups[2].Value) is not { } from || Minutes(m.Groups[3].Value, m.Groups[4].Value) is not { } to
                || from >= to)
                return null;
            spans.Add(new OpenSpan(from, to));
        }
        spans.Sort((a, b) => a.From.CompareTo(b.From));
        for (var i = 1; i < spans.Count; i++)
            if (spans[i].From < spans[i - 1].To) return null;
        return spans;
    }

    /// <summary>The text in its one stored form ("08:00-12:00,13:30-17:30"); null if it is not hours.</summary>
    public static string? Normalize(string? text) => Parse(text) is { } spans ? Format(spans) : null;

    public static string Format(IEnumerable<OpenSpan> spans) => string.Join(",", spans);

    /// <summary>The span that is open at <paramref name="time"/>, or null when closed then.</summary>
    public static OpenSpan? At(string hours, TimeOnly time) => Parse(hours)?.FirstOrDefault(s => s.Contains(time));

    private static int? Minutes(string hours, string minutes)
    {
        var h = int.Parse(hours, CultureInfo.InvariantCulture);
        var m = int.Parse(minutes, CultureInfo.InvariantCulture);
        return h > 24 || m > 59 || (h == 24 && m != 0) ? null : h * 60 + m;
    }

    [GeneratedRegex(@"^([0-9]{1,2})[:：]([0-9]{2})\s*[-–~至到]\s*([0-9]{1,2})[:：]([0-9]{2})$")]
    private static partial Regex SpanPattern();

    /// <summary>Spaces around a span's dash, so spaces can also separate spans.</summary>
    [GeneratedRegex(@"\s*([-–~至到])\s*")]
    private static partial Regex Joiner();
}
