using static HomeService.CallCenter.Kpis.CallKpiCalculator;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Sums facts into a report's rows. A long range is read a day at a time: each chunk's facts come from the calls and
/// agents active in that chunk, and only what is attributed inside the chunk is added, so a call spanning two chunks
/// still counts once, and memory stays one day's worth.
/// </summary>
public sealed class KpiAccumulator(DateTimeOffset from, DateTimeOffset to, string by, string? queueId,
    Func<string, ServiceLevelThreshold> thresholds, DateTimeOffset now)
{
    private readonly Dictionary<string, KpiTally> _rows = new();
    private readonly KpiTally _total = new();
    private bool ByAgent => by == KpiGrouping.Agent;

    public void Add(CallFactsBuilder facts, DateTimeOffset chunkFrom, DateTimeOffset chunkTo)
    {
        var lo = Max(chunkFrom, from);
        var hi = Min(chunkTo, to);
        bool InRange(DateTimeOffset t) => t >= lo && t < hi;
        bool InQueue(string? q) => queueId is null || q == queueId;

        foreach (var v in facts.Visits)
        {
            if (!InRange(v.QueuedAt) || !InQueue(v.QueueId)) continue;
            _total.AddVisit(v, thresholds(v.QueueId));
            if (ByAgent && v.AgentId is null) continue; // an agent's row counts only the calls they answered or called back
            Row(ByAgent ? v.AgentId! : Key(v.QueuedAt)).AddVisit(v, thresholds(v.QueueId));
        }
        foreach (var leg in facts.Legs)
        {
            if (leg.EndedAt is not { } ended || !InRange(ended) || !InQueue(leg.QueueId)) continue;
            var wrap = facts.WrapUpMs.GetValueOrDefault((leg.CallId, leg.AgentId));
            _total.AddLeg(leg, wrap);
            Row(ByAgent ? leg.AgentId : Key(ended)).AddLeg(leg, wrap);
        }
        // Agents serve several queues, so their time (occupancy) belongs to the center or to the agent, not to a queue.
        if (queueId is null)
            foreach (var span in facts.Spans)
            {
                var start = Max(span.From, lo);
                var end = Min(span.To ?? now, Min(hi, now));
                while (start < end)
                {
                    var sliceEnd = ByAgent ? end : Min(end, BucketEnd(BucketStart(start, by), by));
                    var ms = (long)(sliceEnd - start).TotalMilliseconds;
                    _total.AddTime(span.Kind, ms);
                    Row(ByAgent ? span.AgentId : Key(start)).AddTime(span.Kind, ms);
                    start = sliceEnd;
                }
            }
        foreach (var ivr in facts.IvrCompletions)
        {
            if (!InRange(ivr.CompletedAt) || !InQueue(ivr.QueueId)) continue;
            _total.IvrSelfService++;
            if (!ByAgent) Row(Key(ivr.CompletedAt)).IvrSelfService++;
        }
    }

    public CallKpiReport Report()
    {
        if (!ByAgent)
            for (var start = BucketStart(from, by); start < to; start = BucketEnd(start, by))
                Row(Clip(start, from)); // empty intervals still show, as zeros, in tables and charts
        var rows = _rows
            .Select(r => ByAgent
                ? new CallKpiRow(from, to, r.Key, r.Value.ToKpis())
                : new CallKpiRow(Parse(r.Key), Min(BucketEnd(BucketStart(Parse(r.Key), by), by), to).ToOffset(China), null, r.Value.ToKpis()))
            .OrderBy(r => r.Start).ThenBy(r => r.AgentId, StringComparer.Ordinal)
            .ToList();
        return new CallKpiReport(from, to, by, queueId, rows, _total.ToKpis());
    }

    private KpiTally Row(DateTimeOffset start) => Row(start.ToString("O"));

    private KpiTally Row(string key) => _rows.TryGetValue(key, out var t) ? t : _rows[key] = new KpiTally();

    private string Key(DateTimeOffset t) => Clip(BucketStart(t, by), from).ToString("O");

    private static DateTimeOffset Parse(string key) => DateTimeOffset.Parse(key, System.Globalization.CultureInfo.InvariantCulture);
}
