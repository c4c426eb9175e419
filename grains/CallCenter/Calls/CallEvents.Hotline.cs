namespace HomeService.CallCenter.Calls;

/// <summary>The dialled number was closed and overflowed to another of the center's numbers, whose hours, IVR and routes now apply.</summary>
public sealed record CallDiverted(string From, string To, string Why, DateTimeOffset At);

/// <summary>
/// The caller did not get in: Reason blacklisted, withheld or closed; Action message (then the end), voicemail (a message
/// may be left) or transfer-out (to Target, a number outside the center). Say is what they hear first; Rule says why
/// (the block's reason, or the kind of day and hours that applied).
/// </summary>
public sealed record CallTurnedAway(string Reason, string Action, string Rule, string? Say, string? Target, DateTimeOffset At)
{
    public const string Blacklisted = "blacklisted";
    public const string Withheld = "withheld";
    public const string Closed = "closed";
    public const string Message = "message";
    public const string Voicemail = "voicemail";
    public const string TransferOut = "transfer-out";
}
