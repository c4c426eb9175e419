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

    /// <summary>Null when the check-in may go ahead; otherwise "check-in-other-day:2026-12-08" (the booking's first day) or "check-in-early:135" (minutes early).</summary>
    public static string? Refusal(DateTimeOffset? windowStart, DateTimeOffset? windowEnd, DateTimeOffset now, TimeSpan allowance, bool confirmedEarly)
    {
        if (windowStart is not { } start) return null;
        var end = windowEnd ?? start;
        var early = start - now;
        if (early > allowance)
        {
            if (Day(now) != Day(start)) return $"check-in-other-day:{Day(start):yyyy-MM-dd}";
            if (!confirmedEarly) return $"check-in-early:{(int)Math.Ceiling(early.TotalMinutes)}";
        }
        return Day(now) > Day(end) ? $"check-in-other-day:{Day(start):yyyy-MM-dd}" : null;
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Beijing).DateTime);
}
