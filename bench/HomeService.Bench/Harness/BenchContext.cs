namespace HomeService.Bench.Harness;

/// <summary>What every scenario gets: where the repository and database are, how big to run, how often to repeat.</summary>
public sealed record BenchContext(string RepoRoot, string LogDir, string ConnectionString, bool Quick, int Repeats)
{
    /// <summary>Settings for every silo and web host the bench starts, on top of deploy/bench.sh's environment.</summary>
    public Dictionary<string, string> NodeSettings(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["HomeService__Cluster__FastFailureDetection"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        return settings;
    }
}
