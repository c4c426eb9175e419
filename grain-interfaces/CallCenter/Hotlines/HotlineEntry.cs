namespace HomeService.CallCenter;

/// <summary>
/// How a call offered to one number at one moment goes in: the caller's gate (blacklist, withheld number), the kind of
/// day and the hours that applied, and then the outcome (<see cref="EntryOutcomes"/>). Calls and the "what happens if"
/// tool both get it from the hotline grain, so the tool shows what a call does.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.HotlineEntry")]
public sealed record HotlineEntry(
    [property: Id(0)] string Dialled,
    [property: Id(1)] bool Configured,
    [property: Id(2)] int Version,
    [property: Id(3)] string Outcome,
    [property: Id(4)] DateTimeOffset LocalTime,
    [property: Id(5)] DayRule Day,
    [property: Id(6)] bool Open,
    [property: Id(7)] string Hours,
    [property: Id(8)] string? Say = null,
    [property: Id(9)] string? OverflowTo = null,
    [property: Id(10)] int? IvrFlowVersion = null,
    [property: Id(11)] string? IvrMenu = null,
    [property: Id(12)] HotlineRoute? Route = null,
    [property: Id(13)] string? BlockReason = null,
    [property: Id(14)] DateOnly? BlockedUntil = null);

/// <summary>
/// What kind of day a date is and why: Kind workday / rest-day / holiday; Source weekday, weekend, holiday (a range of
/// the holiday calendar, Name its name) or make-up (调休上班, a weekend day worked, Name the holiday it makes up for).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.DayRule")]
public sealed record DayRule(
    [property: Id(0)] DateOnly Date,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Source,
    [property: Id(3)] string? Name = null)
{
    public const string Workday = "workday";
    public const string RestDay = "rest-day";
    public const string Holiday = "holiday";
}

public static class EntryOutcomes
{
    /// <summary>The caller is on the blacklist: hears the blocked message, the call ends.</summary>
    public const string Blocked = "blocked";
    /// <summary>A withheld number on a hotline that blocks them: hears the blocked message, the call ends.</summary>
    public const string Withheld = "withheld";
    /// <summary>Outside the hours, the closed message and the end.</summary>
    public const string Closed = "closed";
    /// <summary>Outside the hours, the closed message, then a message may be left.</summary>
    public const string Voicemail = "voicemail";
    /// <summary>Outside the hours, on to <see cref="HotlineEntry.OverflowTo"/>: one of the center's numbers (its own entry follows) or outside.</summary>
    public const string Overflow = "overflow";
    /// <summary>Open, and the platform IVR answers (the flow version and its root menu).</summary>
    public const string Ivr = "ivr";
    /// <summary>Open, and the route queues the call.</summary>
    public const string Queue = "queue";
}

/// <summary>
/// The whole way in: the entry of the dialled number and of each number a closed one overflowed to, in order, and how it
/// ends (<see cref="Ending"/>: the last entry's outcome, or "transfer-out" when the overflow number is not one of the
/// center's, or "closed" when overflows would go round in a circle).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.RoutingPath")]
public sealed record RoutingPath(
    [property: Id(0)] IReadOnlyList<HotlineEntry> Entries,
    [property: Id(1)] string Ending)
{
    public const string TransferOut = "transfer-out";

    public HotlineEntry Last => Entries[^1];
}
