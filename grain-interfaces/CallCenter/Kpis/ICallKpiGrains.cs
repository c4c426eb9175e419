using Orleans.Concurrency;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// One committed event of the business log, as the KPI figures need it: the live tap forwards these (aggregate types
/// "call" and "agent") and the historical reader reads the same columns back.
/// </summary>
[GenerateSerializer, Alias("HomeService.CallCenter.Kpis.KpiEvent")]
public sealed record KpiEvent(
    [property: Id(0)] string AggregateType,
    [property: Id(1)] string AggregateId,
    [property: Id(2)] int Version,
    [property: Id(3)] string EventType,
    [property: Id(4)] string PayloadJson,
    [property: Id(5)] DateTimeOffset OccurredAt);

/// <summary>
/// The center's live KPIs (key 0). Fed one-way by the event-log tap of every silo, never by polling the database;
/// rebuilt once from the log on activation. Pushes <c>kpi.updated</c> to supervisors at most once a second.
/// </summary>
[Alias("HomeService.CallCenter.Kpis.ICallCenterKpiGrain")]
public interface ICallCenterKpiGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Observe")] Task Observe(IReadOnlyList<KpiEvent> events);
    [Alias("GetLive")] Task<LiveKpis> GetLive();
    /// <summary>The same report as the historical one, computed from the live figures in memory (today only).</summary>
    [Alias("GetWindow")] Task<CallKpiReport?> GetWindow(DateTimeOffset from, DateTimeOffset to, string by, string? queueId);
    /// <summary>Sets a queue's service-level threshold (X % within Y s), recorded as an event; answers the queue's live figures under it.</summary>
    [Alias("SetServiceLevel")] Task<CommandResult<LiveQueueKpis>> SetServiceLevel(string queueId, int withinSeconds, int targetPercent, string actor);
}

/// <summary>Historical KPIs from the event log; a stateless worker, so reports run beside whichever silo is asked.</summary>
[Alias("HomeService.CallCenter.Kpis.ICallReportGrain")]
public interface ICallReportGrain : IGrainWithIntegerKey
{
    [Alias("Report")] Task<CallKpiReport> Report(DateTimeOffset from, DateTimeOffset to, string by, string? queueId);
}
