namespace HomeService.CallCenter;

/// <summary>
/// An event from the switch about one call. <see cref="EventId"/> is the switch's idempotency key: the call
/// remembers the keys it has seen, so a repeated event is answered without being applied twice.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CtiCallOffered")]
public sealed record CtiCallOffered(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Caller,
    [property: Id(2)] string Dialled,
    [property: Id(3)] string Trunk,
    [property: Id(4)] string? IvrChoice);
