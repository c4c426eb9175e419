namespace HomeService.Bench.Harness;

/// <summary>One reported number, measured once per repeat; the report quotes the median and the spread.</summary>
public sealed record Figure(string Name, string Unit, IReadOnlyList<double> Runs, string? Target = null)
{
    public double Median
    {
        get
        {
            var sorted = Runs.Where(r => !double.IsNaN(r)).Order().ToList();
            if (sorted.Count == 0) return double.NaN;
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public (double Min, double Max) Spread => Runs.Count == 0 ? (double.NaN, double.NaN) : (Runs.Min(), Runs.Max());
}
