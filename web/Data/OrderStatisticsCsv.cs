using System.Text;

namespace HomeService.Web.Data;

/// <summary>The grouped counts of a statistics report as CSV, one row per group.</summary>
public static class OrderStatisticsCsv
{
    /// <summary>UTF-8 with a BOM: without it spreadsheet programs guess a legacy code page and garble district names.</summary>
    public static byte[] Counts(OrderStatistics.Report report)
    {
        var csv = new StringBuilder("dimension,key,count\n");
        var c = report.Counts;
        foreach (var (dimension, groups) in new[] { ("kind", c.Kind), ("status", c.Status), ("category", c.Category), ("merchant", c.Merchant), ("district", c.District) })
            foreach (var g in groups)
                csv.Append(dimension).Append(',').Append(Escape(g.Key ?? "")).Append(',').Append(g.Count).Append('\n');
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Quote fields with separators, and neutralize a leading formula character so a cell is never evaluated.
    private static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
