namespace HomeService.CallCenter;

[GenerateSerializer, Alias("HomeService.CallCenter.CallStatus")]
public enum CallStatus
{
    Ivr = 0,
    Queued = 1,
    Ringing = 2,
    Connected = 3,
    OnHold = 4,
    Ended = 5,
    /// <summary>The caller chose a callback and hung up; the call keeps its place and is dialled back when an agent is free.</summary>
    CallbackWaiting = 6,
}

/// <summary>One line of a call's timeline: what happened, when, and who did it.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CallTimelineEntry")]
public sealed record CallTimelineEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string What,
    [property: Id(2)] string? Detail);

[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CallView")]
public sealed record CallView(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Caller,
    [property: Id(2)] string Dialled,
    [property: Id(3)] CallStatus Status,
    [property: Id(4)] string? QueueId,
    [property: Id(5)] string? AgentId,
    [property: Id(6)] IReadOnlyList<string> RingingAgents,
    [property: Id(7)] string? IvrChoice,
    [property: Id(8)] DateTimeOffset OfferedAt,
    [property: Id(9)] DateTimeOffset? AnsweredAt,
    [property: Id(10)] DateTimeOffset? EndedAt,
    [property: Id(11)] string? EndCause,
    [property: Id(12)] string? RecordingUrl,
    [property: Id(13)] IReadOnlyList<CallTimelineEntry> Timeline,
    [property: Id(14)] long Version,
    [property: Id(15)] string? ConsultAgentId = null,
    [property: Id(16)] bool ConsultConnected = false);

/// <summary>
/// Where a transfer goes: an agent, a queue, or an outside number. Note: what the transferring agent tells the next one
/// (交接备注), shown on the receiving agent's pop.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.TransferTarget")]
public sealed record TransferTarget(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string? Note = null)
{
    public const string Agent = "agent";
    public const string Queue = "queue";
    public const string External = "external";
}
