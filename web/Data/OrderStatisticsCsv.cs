using HomeService.Web.Data.Csv;

namespace HomeService.Web.Data;

/// <summary>The grouped counts of a statistics report as CSV, one row per group (see <see cref="CsvExport"/>).</summary>
public static class OrderStatisticsCsv
{
    public static Task<byte[]> Counts(OrderStatistics.Report report) => CsvExport.Bytes(async csv =>
    {
        await csv.Header(["dimension", "key", "count"]);
        var c = report.Counts;
        foreach (var (dimension, groups) in new[] { ("kind", c.Kind), ("status", c.Status), ("category", c.Category), ("merchant", c.Merchant), ("district", c.District) })
            foreach (var g in groups)
            {
                csv.WriteField(dimension);
                csv.WriteField(g.Key ?? "");
                csv.WriteField(g.Count);
                await csv.EndRecordAsync();
            }
    });
}
