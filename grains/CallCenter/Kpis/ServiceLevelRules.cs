namespace HomeService.CallCenter.Kpis;

/// <summary>What a queue's service-level threshold may be: answered within 1 s to an hour, a target of 1–100 %.</summary>
public static class ServiceLevelRules
{
    public const int MaxSeconds = 3600;

    public static Dictionary<string, string[]> Check(int withinSeconds, int targetPercent)
    {
        var errors = new Dictionary<string, string[]>();
        if (withinSeconds is < 1 or > MaxSeconds) errors["withinSeconds"] = [$"range:1-{MaxSeconds}"];
        if (targetPercent is < 1 or > 100) errors["targetPercent"] = ["range:1-100"];
        return errors;
    }
}

/// <summary>The event of a threshold change (aggregate "queue_service_level", keyed by queue id).</summary>
public sealed record ServiceLevelSet(int WithinSeconds, int TargetPercent, DateTimeOffset At);
