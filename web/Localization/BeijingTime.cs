using System.Globalization;

namespace HomeService.Web.Localization;

/// <summary>
/// How every page writes a date or a time: Beijing time (the center serves one city), ISO 8601 order and a 24-hour clock
/// in both languages, so "2026-12-06 14:05" never reads as June in English or needs a second format in Chinese.
/// The browser's module <c>/js/beijing-time.js</c> writes the same shapes.
/// </summary>
public static class BeijingTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset Local(DateTimeOffset at) => at.ToOffset(Offset);

    /// <summary>2026-12-06</summary>
    public static string Date(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026-12-06 (a calendar day, no zone to convert)</summary>
    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>2026-12-06 14:05</summary>
    public static string Minute(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>2026-12-06 14:05:09, where the second matters (audit trails, message logs)</summary>
    public static string Second(DateTimeOffset at) => Local(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>14:05, for what happens today (a broadcast's expiry, a lock's end)</summary>
    public static string Clock(DateTimeOffset at) => Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>14:05:09, for a live board's "updated at"</summary>
    public static string ClockSeconds(DateTimeOffset at) => Local(at).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
