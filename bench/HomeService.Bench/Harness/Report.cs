using System.Globalization;

namespace HomeService.Bench.Harness;

/// <summary>A human table per scenario, then one machine-readable line: BENCH &lt;scenario&gt; name=value …</summary>
public static class Report
{
    public static void Print(string scenario, IReadOnlyList<Figure> figures, TextWriter? output = null)
    {
        var o = output ?? Console.Out;
        o.WriteLine();
        o.WriteLine($"== {scenario} ({figures.FirstOrDefault()?.Runs.Count ?? 0} runs: median, spread min–max) ==");
        o.WriteLine($"{"figure",-34} {"median",12} {"spread",25}  {"unit",-10} target");
        foreach (var f in figures)
        {
            var (min, max) = f.Spread;
            o.WriteLine($"{f.Name,-34} {Format(f.Median),12} {Format(min) + " – " + Format(max),25}  {f.Unit,-10} {f.Target}");
        }
        o.WriteLine($"BENCH {scenario} " + string.Join(' ', figures.Select(f => $"{f.Name}={Format(f.Median)}")));
    }

    public static string Format(double value) =>
        double.IsNaN(value) ? "n/a"
        : Math.Abs(value) >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value.ToString("0.###", CultureInfo.InvariantCulture);
}
