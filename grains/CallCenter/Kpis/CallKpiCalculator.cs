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
        var rows = Tally(facts, from, to, by, queueId, thresholds, now);
        if (by != KpiGrouping.Agent)
            for (var start = BucketStart(from, by); start < to; start = BucketEnd(start, by))
                rows.TryAdd(Clip(start, by, from).ToString("O"), new KpiTally()); // empty intervals still show, as zeros, in tables and charts
        var list = rows
            .Select(r => by == KpiGrouping.Agent
                ? new CallKpiRow(from, to, r.Key, r.Value.ToKpis())
                : new CallKpiRow(DateTimeOffset.Parse(r.Key), Min(BucketEnd(BucketStart(DateTimeOffset.Parse(r.Key), by), by), to), null, r.Value.ToKpis()))
            .OrderBy(r => r.Start).ThenBy(r => r.AgentId, StringComparer.Ordinal)
            .ToList();
        var total = Tally(facts, from, to, "all", queueId, thresholds, now).Values.SingleOrDefault() ?? new KpiTally();
        return new CallKpiReport(from, to, by, queueId, list, total.ToKpis());
    }

    /// <summary>One set of figures for the whole of [from, to).</summary>
    public static CallKpis Measure(CallFactsBuilder facts, DateTimeOffset from, DateTimeOffset to, string? queueId,
        Func<string, ServiceLevelThreshold> thresholds, DateTimeOffset now) =>
        (Tally(facts, from, to, "all", queueId, thresholds, now).Values.SingleOrDefault() ?? new KpiTally()).ToKpis();

    private static Dictionary<string, KpiTally> Tally(CallFactsBuilder facts, DateTimeOffset from, DateTimeOffset to, string by,
        string? queueId, Func<string, ServiceLevelThreshold> thresholds, DateTimeOffset now)
    {
        var byAgent = by == KpiGrouping.Agent;
        var tallies = new Dictionary<string, KpiTally>();
        KpiTally At(string key) => tallies.TryGetValue(key, out var t) ? t : tallies[key] = new KpiTally();
        string Key(DateTimeOffset t) => by == "all" ? "all" : Clip(BucketStart(t, by), by, from).ToString("O");
        bool InRange(DateTimeOffset t) => t >= from && t < to;
        bool InQueue(string? q) => queueId is null || q == queueId;

        foreach (var v in facts.Visits)
        {
            if (!InRange(v.QueuedAt) || !InQueue(v.QueueId)) continue;
            if (byAgent && v.AgentId is null) continue; // an agent's row counts only the calls they answered
            At(byAgent ? v.AgentId! : Key(v.QueuedAt)).AddVisit(v, thresholds(v.QueueId));
        }
        foreach (var leg in facts.Legs)
        {
            if (leg.EndedAt is not { } ended || !InRange(ended) || !InQueue(leg.QueueId)) continue;
            At(byAgent ? leg.AgentId : Key(ended)).AddLeg(leg, facts.WrapUpMs.GetValueOrDefault((leg.CallId, leg.AgentId)));
        }
        // Agents serve several queues, so their time (occupancy) belongs to the center or to the agent, not to a queue.
        if (queueId is null)
            foreach (var span in facts.Spans)
            {
                var start = Max(span.From, from);
                var end = Min(span.To ?? now, Min(to, now));
                while (start < end)
                {
                    var sliceEnd = byAgent || by == "all" ? end : Min(end, BucketEnd(BucketStart(start, by), by));
                    At(byAgent ? span.AgentId : Key(start)).AddTime(span.Kind, (long)(sliceEnd - start).TotalMilliseconds);
                    start = sliceEnd;
                }
            }
        if (!byAgent)
            foreach (var ivr in facts.IvrCompletions)
                if (InRange(ivr.At) && InQueue(ivr.QueueId)) At(Key(ivr.At)).IvrSelfService++;
        return tallies;
    }

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
    private static DateTimeOffset Clip(DateTimeOffset bucketStart, string by, DateTimeOffset from) => Max(bucketStart, from).ToOffset(China);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
