namespace HomeService.CallCenter;

/// <summary>
/// One hotline number's configuration (热线号码), the full content of one version. Routes send the caller's IVR choice
/// ("" = no choice) to a queue; hours are per kind of day as text ("08:00-12:00,13:30-17:30", "" = closed all day,
/// "00:00-24:00" = all day), the kind coming from the holiday calendar (a 调休 Saturday is a workday); outside them the
/// caller gets <see cref="ClosedAction"/>. The same shape is the API's body, the event's payload and what calls read.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HotlineSettings")]
public sealed record HotlineSettings(
    [property: Id(0)] string Name,
    [property: Id(1)] bool IvrAnswers,
    [property: Id(2)] IReadOnlyList<RouteRule> Routes,
    [property: Id(3)] string WorkdayHours,
    [property: Id(4)] string RestDayHours,
    [property: Id(5)] string HolidayHours,
    [property: Id(6)] string ClosedAction,
    [property: Id(7)] string ClosedMessage,
    [property: Id(8)] string? OverflowTo,
    [property: Id(9)] string BlockedMessage,
    [property: Id(10)] bool BlockWithheld);

/// <summary>An IVR choice (the keys, "" for none) and the queue it leads to, with the priority it gives (0-10).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.RouteRule")]
public sealed record RouteRule(
    [property: Id(0)] string Choice,
    [property: Id(1)] string QueueId,
    [property: Id(2)] int Priority);

/// <summary>What a caller outside the hours gets: a message and the end, a message and voicemail, or the call goes to another number.</summary>
public static class ClosedActions
{
    public const string Message = "message";
    public const string Voicemail = "voicemail";
    public const string Overflow = "overflow";

    public static readonly IReadOnlyList<string> All = [Message, Voicemail, Overflow];
}

/// <summary>The queue a dialled number and IVR choice lead to, and the priority the choice gives.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HotlineRoute")]
public sealed record HotlineRoute([property: Id(0)] string QueueId, [property: Id(1)] int Priority);

/// <summary>One stored version of a number's settings.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HotlineVersion")]
public sealed record HotlineVersion(
    [property: Id(0)] string Dialled,
    [property: Id(1)] int Version,
    [property: Id(2)] HotlineSettings Settings,
    [property: Id(3)] string ChangedBy,
    [property: Id(4)] DateTimeOffset ChangedAt);
