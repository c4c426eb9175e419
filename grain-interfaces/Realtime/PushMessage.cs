namespace HomeService.Realtime;

/// <summary>
/// One change pushed to the screens in a SignalR group. <see cref="Version"/> is the source aggregate's
/// version, so a console that already applied a newer snapshot can drop a stale push.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Realtime.PushMessage")]
public sealed record PushMessage(
    [property: Id(0)] string Group,
    [property: Id(1)] string Event,
    [property: Id(2)] string PayloadJson,
    [property: Id(3)] long Version);
