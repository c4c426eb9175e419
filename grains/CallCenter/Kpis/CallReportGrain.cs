using Npgsql;
using Orleans.Concurrency;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Historical call-center KPIs from event_log, read a day at a time so a long range never holds more than a day's
/// facts. Stateless: any silo runs a report beside the request.
/// </summary>
[StatelessWorker]
public sealed class CallReportGrain(NpgsqlDataSource db, TimeProvider clock) : Grain, ICallReportGrain
{
    /// <summary>How long after a chunk agent events are read, for the wrap-up of legs that ended near its end.</summary>
    public static readonly TimeSpan WrapUpReach = TimeSpan.FromHours(2);

    public async Task<CallKpiReport> Report(DateTimeOffset from, DateTimeOffset to, string by, string? queueId)
    {
        var reader = new KpiEventReader(db);
        var thresholds = await reader.Thresholds();
        var now = clock.GetUtcNow();
        var report = new KpiAccumulator(from, to, by, queueId, q => thresholds.GetValueOrDefault(q) ?? ServiceLevelThreshold.Default, now);
        for (var chunk = from; chunk < to; chunk = chunk.AddDays(1))
        {
            var end = chunk.AddDays(1) < to ? chunk.AddDays(1) : to;
            report.Add(await reader.Facts(chunk, end, end + WrapUpReach), chunk, end);
        }
        return report.Report();
    }
}
