namespace HomeService.Bench.Harness;

/// <summary>Latencies of one run, in milliseconds; percentiles by nearest rank.</summary>
public sealed class Samples
{
    private readonly List<double> _values = [];
    private readonly Lock _lock = new();

    public void Add(double milliseconds)
    {
        lock (_lock) _values.Add(milliseconds);
    }

    public int Count
    {
        get { lock (_lock) return _values.Count; }
    }

    public double Percentile(double p)
    {
        lock (_lock)
        {
            if (_values.Count == 0) return double.NaN;
            _values.Sort();
            var rank = (int)Math.Ceiling(p / 100 * _values.Count);
            return _values[Math.Clamp(rank - 1, 0, _values.Count - 1)];
        }
    }

    public double Max => Percentile(100);
}
