using System.Globalization;
using CsvHelper;
using HomeService.CallCenter.Kpis;
using HomeService.Web.Data.Csv;
using HomeService.Web.Localization;

namespace HomeService.Web.Data;

/// <summary>
/// A call report as CSV (see <see cref="CsvExport"/>): a header row in the reader's language, then one row per interval
/// or agent, then the total.
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

    public static Task<byte[]> Write(CallKpiReport report, UiText text) => CsvExport.Bytes(async csv =>
    {
        await csv.Header(Columns.Select(c => text[$"kpi.col.{c}"]));
        foreach (var row in report.Rows) await Line(csv, Time(row.Start), Time(row.End), row.AgentId ?? "", row.Kpis);
        await Line(csv, Time(report.From), Time(report.To), text["kpi.total"], report.Total);
    });

    private static async Task Line(CsvWriter csv, string start, string end, string agent, CallKpis k)
    {
        csv.WriteField(start);
        csv.WriteField(end);
        csv.WriteField(agent);
        foreach (var count in new[] { k.Offered, k.Answered, k.Abandoned, k.ShortAbandons }) csv.WriteField(count);
        foreach (var ratio in new[] { k.ServiceLevel, k.ServiceLevel2, k.AsaSeconds, k.AhtSeconds, k.AbandonRate, k.Occupancy }) csv.WriteField(ratio, "0.0");
        foreach (var count in new[] { k.CallbacksRequested, k.CallbacksMade, k.Handled, k.Transfers, k.IvrSelfService }) csv.WriteField(count);
        foreach (var ms in new[] { k.TalkMs, k.HoldMs, k.WrapUpMs }) csv.WriteField(Seconds(ms));
        await csv.EndRecordAsync();
    }

    private static string Time(DateTimeOffset t) => t.ToOffset(China).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static long Seconds(long ms) => (ms + 500) / 1000;
}
