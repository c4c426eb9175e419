namespace HomeService.WorkOrders;

/// <summary>
/// When a worker may check in (签到) at a booked visit. A worker who is early by no more than the center's allowance just
/// checks in (even across midnight, for a visit booked just after it); earlier than that on the booking's day, they confirm
/// first, since the resident may not be ready; on any other day they are refused: a check-in a day early is almost always
/// the wrong job, and a visit whose day has passed is rescheduled by the center, not started.
/// </summary>
public static class CheckInRule
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// <summary>
    /// The one judgement of a check-in: whether it is early beyond the allowance (kept on the event, so a report can tell)
    /// and, if it may not go ahead, why: "check-in-other-day:2026-12-08" (the booking's first day) or "check-in-early:135"
    /// (minutes early).
    /// </summary>
    public sealed record Judgement(bool Early, string? Refusal);

    public static Judgement Judge(DateTimeOffset? windowStart, DateTimeOffset? windowEnd, DateTimeOffset now, TimeSpan allowance, bool confirmedEarly)
    {
        if (windowStart is not { } start) return new(false, null);
        var end = windowEnd ?? start;
        var ahead = start - now;
        var early = ahead > allowance;
        if (early && Day(now) != Day(start)) return new(early, $"check-in-other-day:{Day(start):yyyy-MM-dd}");
        if (early && !confirmedEarly) return new(early, $"check-in-early:{(int)Math.Ceiling(ahead.TotalMinutes)}");
        return new(early, Day(now) > Day(end) ? $"check-in-other-day:{Day(start):yyyy-MM-dd}" : null);
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Beijing).DateTime);
}
