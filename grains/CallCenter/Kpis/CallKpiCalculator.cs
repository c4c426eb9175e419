namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Aggregates KPI facts over [from, to) into rows by 15 minutes, hour, day (Asia/Shanghai) or agent. The one place
/// both the live panel and the historical report get their numbers, so a closed interval reads the same in both.
/// Attribution: a queue visit (offered, answered, abandoned, callback, its wait) counts in the interval its call
/// entered the queue; a handled leg (talk, hold, wrap-up, transfer) in the interval the leg ended; agent time is
/// sliced across the intervals it covers; an IVR self-service completion where it happened.
/// </summary>
public static class CallKpiCalculator
{
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static CallKpiReport Report(CallFactsBuilder facts, DateTimeOffset from, DateTimeOffset to, string by, string? queueId,
        Func<string, ServiceLevelThreshold> thresholds, DateTimeOffset now)
    {
        var report = new KpiAccumulator(from, to, by, queueId, thresholds, now);
        report.Add(facts, from, to);
        return report.Report();
    }

    /// <summary>One set of figures for the whole of [from, to).</summary>
    public static CallKpis Measure(CallFactsBuilder facts, DateTimeOffset from, DateTimeOffset to, string? queueId,
        Func<string, ServiceLevelThreshold> thresholds, DateTimeOffset now) =>
        Report(facts, from, to, KpiGrouping.Day, queueId, thresholds, now).Total;

    /// <summary>Start of the interval holding <paramref name="t"/>. Shanghai is a whole number of hours from UTC, so quarters and hours align in both.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset t, string by)
    {
        var local = t.ToOffset(China);
        return by switch
        {
            KpiGrouping.Quarter => new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute / 15 * 15, 0, China),
            KpiGrouping.Hour => new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, China),
            KpiGrouping.Day => new DateTimeOffset(local.Date, China),
            _ => t,
        };
    }

    public static DateTimeOffset BucketEnd(DateTimeOffset start, string by) => by switch
    {
        KpiGrouping.Quarter => start.AddMinutes(15),
        KpiGrouping.Hour => start.AddHours(1),
        KpiGrouping.Day => start.AddDays(1),
        _ => DateTimeOffset.MaxValue,
    };

    /// <summary>Midnight in Shanghai at the start of the day holding <paramref name="t"/>.</summary>
    public static DateTimeOffset Midnight(DateTimeOffset t) => BucketStart(t, KpiGrouping.Day);

    // The first interval of a range that starts mid-interval is cut at the range's start.
    internal static DateTimeOffset Clip(DateTimeOffset bucketStart, DateTimeOffset from) => Max(bucketStart, from).ToOffset(China);

    internal static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    internal static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
