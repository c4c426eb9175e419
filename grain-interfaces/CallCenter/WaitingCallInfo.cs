namespace HomeService.CallCenter;

/// <summary>A call asking a queue for an agent.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.QueueRequest")]
public sealed record QueueRequest(
    [property: Id(0)] string CallId,
    [property: Id(1)] string Caller,
    [property: Id(2)] int Priority,
    [property: Id(3)] string? StickyAgentId);

/// <summary>A queue's live picture for the wallboard and for callers' announcements.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.QueueView")]
public sealed record QueueView(
    [property: Id(0)] string QueueId,
    [property: Id(1)] int Waiting,
    [property: Id(2)] int AgentsAvailable,
    [property: Id(3)] int AgentsStaffed,
    [property: Id(4)] int LongestWaitSeconds,
    [property: Id(5)] IReadOnlyList<string> WaitingCallIds);

/// <summary>Where a call stands in its queue: what the caller hears announced.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.QueuePosition")]
public sealed record QueuePosition(
    [property: Id(0)] int Position,
    [property: Id(1)] int EstimatedWaitSeconds);
