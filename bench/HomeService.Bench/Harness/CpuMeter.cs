namespace HomeService.Bench.Harness;

/// <summary>
/// CPU time used by the processes of a run (from /proc, Linux), by role: the silos, the web hosts, PostgreSQL's
/// backends and the bench itself. Per unit of work it is a cost that a noisy, shared machine does not blur.
/// </summary>
public static class CpuMeter
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public static Dictionary<string, double> Seconds(LocalCluster cluster)
    {
        var result = new Dictionary<string, double> { ["silo"] = 0, ["web"] = 0, ["postgres"] = 0, ["bench"] = 0 };
        foreach (var node in cluster.Silos) result["silo"] += Of(node.Process.Id);
        foreach (var node in cluster.WebHosts) result["web"] += Of(node.Process.Id);
        result["bench"] = Of(Environment.ProcessId);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Comm(pid) == "postgres") result["postgres"] += Of(pid);
        return result;
    }

    public static Dictionary<string, double> Since(Dictionary<string, double> before, LocalCluster cluster) =>
        Seconds(cluster).ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key));

    private static string? Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    /// <summary>User plus system time of a process and its finished children, in seconds.</summary>
    private static double Of(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // after "pid (comm) ": field 3 is at index 0
            return (long.Parse(fields[11]) + long.Parse(fields[12])) / TicksPerSecond;
        }
        catch (IOException) { return 0; }
    }
}
