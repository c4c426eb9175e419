using System.Globalization;
using System.Text;
using HomeService.CallCenter.Kpis;
using HomeService.Web.Localization;

namespace HomeService.Web.Data;

/// <summary>
/// A call report as CSV: a header row in the reader's language, then one row per interval or agent, then the total.
/// UTF-8 with a BOM, or spreadsheet programs guess a legacy code page and garble the Chinese header.
/// </summary>
public static class CallReportCsv
{
    /// <summary>The columns, in order; each has a label <c>kpi.col.&lt;name&gt;</c> in both languages.</summary>
    public static readonly string[] Columns =
    [
        "start", "end", "agent", "offered", "answered", "abandoned", "short_abandons", "service_level", "service_level_2",
        "asa", "aht", "abandon_rate", "occupancy", "callbacks_requested", "callbacks_made", "handled", "transfers",
        "ivr_self_service", "talk", "hold", "wrap_up",
    ];

    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static byte[] Write(CallKpiReport report, UiText text)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', Columns.Select(c => Escape(text[$"kpi.col.{c}"]))).Append('\n');
        foreach (var row in report.Rows) Line(csv, Time(row.Start), Time(row.End), row.AgentId ?? "", row.Kpis);
        Line(csv, Time(report.From), Time(report.To), text["kpi.total"], report.Total);
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, string start, string end, string agent, CallKpis k)
    {
        object?[] cells =
        [
            start, end, Escape(agent), k.Offered, k.Answered, k.Abandoned, k.ShortAbandons, k.ServiceLevel, k.ServiceLevel2,
            k.AsaSeconds, k.AhtSeconds, k.AbandonRate, k.Occupancy, k.CallbacksRequested, k.CallbacksMade, k.Handled, k.Transfers,
            k.IvrSelfService, Seconds(k.TalkMs), Seconds(k.HoldMs), Seconds(k.WrapUpMs),
        ];
        csv.AppendJoin(',', cells.Select(c => c switch
        {
            null => "",
            double d => d.ToString("0.0", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => c.ToString(),
        })).Append('\n');
    }

    private static string Time(DateTimeOffset t) => t.ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static long Seconds(long ms) => (ms + 500) / 1000;

    // Quote fields with separators, and neutralize a leading formula character so a cell is never evaluated.
    private static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
