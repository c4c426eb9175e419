namespace HomeService.CallCenter;

/// <summary>What a queue, a console or a wallboard knows of an agent at one moment.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.AgentView")]
public sealed record AgentView(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Name,
    [property: Id(2)] AgentStatus Status,
    [property: Id(3)] string? NotReadyReason,
    [property: Id(4)] DateTimeOffset StatusSince,
    [property: Id(5)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(6)] string? CallId,
    [property: Id(7)] int CallsHandled,
    [property: Id(8)] int TalkSeconds,
    [property: Id(9)] DateTimeOffset? IdleSince,
    [property: Id(10)] DateTimeOffset? WrapUpEndsAt,
    [property: Id(11)] long Version);
