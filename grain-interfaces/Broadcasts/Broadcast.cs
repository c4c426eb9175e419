namespace HomeService.Broadcasts;

/// <summary>A supervisor's message shown on every agent console until it expires or is retracted (班长广播).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Broadcasts.Broadcast")]
public sealed record Broadcast(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Text,
    [property: Id(2)] string Author,
    [property: Id(3)] DateTimeOffset PostedAt,
    [property: Id(4)] DateTimeOffset ExpiresAt);

[GenerateSerializer, Immutable, Alias("HomeService.Broadcasts.PostBroadcast")]
public sealed record PostBroadcast(
    [property: Id(0)] string Text,
    [property: Id(1)] int Minutes,
    [property: Id(2)] string Author);
