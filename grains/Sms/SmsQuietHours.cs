namespace HomeService.Sms;

/// <summary>
/// Quiet hours (22:00–08:00 Beijing time by default): a notice that can wait is held until the morning; a code, an
/// offer about to expire, anything someone is waiting for right now, is never held.
/// </summary>
public sealed record SmsQuietHours(TimeOnly Start, TimeOnly End)
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static readonly SmsQuietHours Default = new(new TimeOnly(22, 0), new TimeOnly(8, 0));

    /// <summary>When a message of this urgency may go, if not now.</summary>
    public DateTimeOffset? HoldUntil(SmsUrgency urgency, DateTimeOffset now)
    {
        if (urgency == SmsUrgency.Now || Start == End) return null;
        var local = TimeZoneInfo.ConvertTime(now, Beijing);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var quiet = Start < End ? time >= Start && time < End : time >= Start || time < End;
        if (!quiet) return null;
        var day = DateOnly.FromDateTime(local.DateTime);
        if (Start > End && time >= Start) day = day.AddDays(1); // past midnight's side of the window ends tomorrow
        return new DateTimeOffset(day.ToDateTime(End), local.Offset).ToUniversalTime(); // PostgreSQL takes UTC offsets only
    }
}
