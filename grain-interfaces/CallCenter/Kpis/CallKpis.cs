namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Contact-center figures for one interval (and one queue, one agent or the whole center). Counts are whole calls;
/// durations are milliseconds; rates are percentages (0–100) and null when their denominator is zero, so an empty
/// interval shows "—" instead of a made-up 0 % or 100 %. Definitions: docs/kpis.md.
/// </summary>
[GenerateSerializer, Alias("HomeService.CallCenter.Kpis.CallKpis")]
public sealed record CallKpis(
    [property: Id(0)] int Offered,
    [property: Id(1)] int Answered,
    [property: Id(2)] int Abandoned,
    [property: Id(3)] int ShortAbandons,
    [property: Id(4)] int AnsweredWithinThreshold,
    [property: Id(5)] int AbandonedWithinThreshold,
    [property: Id(6)] int CallbacksRequested,
    [property: Id(7)] int CallbacksMade,
    [property: Id(8)] int Handled,
    [property: Id(9)] int Transfers,
    [property: Id(10)] int IvrSelfService,
    [property: Id(11)] long AnsweredWaitMs,
    [property: Id(12)] long TalkMs,
    [property: Id(13)] long HoldMs,
    [property: Id(14)] long WrapUpMs,
    [property: Id(15)] long BusyMs,
    [property: Id(16)] long IdleMs,
    [property: Id(17)] double? ServiceLevel,
    [property: Id(18)] double? ServiceLevel2,
    [property: Id(19)] double? AsaSeconds,
    [property: Id(20)] double? AhtSeconds,
    [property: Id(21)] double? AbandonRate,
    [property: Id(22)] double? Occupancy,
    [property: Id(23)] int Overflowed = 0,
    [property: Id(24)] int StillWaiting = 0)
{
    /// <summary>
    /// Every call offered to a queue ends in exactly one of these, or is still waiting there:
    /// offered = answered + abandoned + callback (预约回呼) + overflowed (left for another queue) + still waiting.
    /// </summary>
    public int Accounted => Answered + Abandoned + CallbacksRequested + Overflowed + StillWaiting;
}

/// <summary>One row of a report: an interval [Start, End), or an agent over the whole range.</summary>
[GenerateSerializer, Alias("HomeService.CallCenter.Kpis.CallKpiRow")]
public sealed record CallKpiRow(
    [property: Id(0)] DateTimeOffset Start,
    [property: Id(1)] DateTimeOffset End,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] CallKpis Kpis);

/// <summary>The report asked of <c>/api/reports/calls</c>: rows by 15 minutes, hour, day or agent, and the range's total.</summary>
[GenerateSerializer, Alias("HomeService.CallCenter.Kpis.CallKpiReport")]
public sealed record CallKpiReport(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] string By,
    [property: Id(3)] string? QueueId,
    [property: Id(4)] IReadOnlyList<CallKpiRow> Rows,
    [property: Id(5)] CallKpis Total);

/// <summary>What a report groups by.</summary>
public static class KpiGrouping
{
    public const string Quarter = "15m";
    public const string Hour = "hour";
    public const string Day = "day";
    public const string Agent = "agent";
    public static readonly IReadOnlyList<string> All = [Quarter, Hour, Day, Agent];
}

/// <summary>One queue's live figures: the rolling last 15 minutes and today since midnight (Asia/Shanghai).</summary>
[GenerateSerializer, Alias("HomeService.CallCenter.Kpis.LiveQueueKpis")]
public sealed record LiveQueueKpis(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int ServiceLevelSeconds,
    [property: Id(2)] int ServiceLevelTarget,
    [property: Id(3)] CallKpis Rolling15m,
    [property: Id(4)] CallKpis Today);

/// <summary>The wallboard's live panel: every queue, and the center as a whole (queue id "all").</summary>
[GenerateSerializer, Alias("HomeService.CallCenter.Kpis.LiveKpis")]
public sealed record LiveKpis(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<LiveQueueKpis> Queues,
    [property: Id(3)] LiveQueueKpis Center);
