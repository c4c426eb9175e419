using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>Why a check-in did not happen, as problem details a worker's phone can act on (confirm, or go to the right job).</summary>
public static class CheckInProblems
{
    public static ProblemHttpResult Early(UiText text, int minutes) => TypedResults.Problem(statusCode: 409, type: ProblemTypes.CheckInEarly,
        title: text.Format("order.check-in-early", Duration(text, minutes)), extensions: new Dictionary<string, object?> { ["minutesEarly"] = minutes });

    public static ProblemHttpResult OtherDay(UiText text, string bookedDay) => TypedResults.Problem(statusCode: 409, type: ProblemTypes.CheckInOtherDay,
        title: text.Format("order.check-in-other-day", bookedDay), extensions: new Dictionary<string, object?> { ["bookedDay"] = bookedDay });

    /// <summary>"2 小时 15 分钟" / "2 h 15 min": how early, in words a worker reads at a glance.</summary>
    private static string Duration(UiText text, int minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => text.Format("duration.minutes", m),
        (var h, 0) => text.Format("duration.hours", h),
        var (h, m) => text.Format("duration.hours_minutes", h, m),
    };
}
