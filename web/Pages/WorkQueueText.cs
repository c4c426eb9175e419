using HomeService.Identity;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using System.Security.Claims;

namespace HomeService.Web.Pages;

/// <summary>What the console's work-queue scripts need: their words in the page's language, and whether this user may judge complaints.</summary>
public static class WorkQueueText
{
    private static readonly string[] Keys =
    [
        "queue.none.manual", "queue.none.follow-ups", "queue.none.complaints", "queue.dispatch", "queue.dispatch.merchant", "queue.dispatch.reason",
        "queue.dispatch.confirm", "queue.dispatch.refused_before", "queue.dispatch.score", "queue.dispatch.honoured", "queue.dispatch.no_merchants", "queue.choose_merchant",
        "queue.dispatch.eligible", "queue.dispatch.same_category", "queue.dispatch.other_category", "queue.dispatch.not_allowed", "queue.dispatch.pick",
        "queue.dispatch.none_eligible", "queue.dispatch.override_note",
        "queue.cancel", "queue.attempts", "queue.follow_up", "queue.follow_up.score", "queue.follow_up.resolved", "queue.follow_up.comment",
        "queue.follow_up.save", "queue.follow_up.unreachable", "queue.follow_up.unreachable_count", "queue.follow_up.resolved_required", "queue.yes", "queue.no", "queue.assign", "queue.reassign",
        "queue.assign.party", "queue.assign.merchant", "queue.assign.department", "queue.respond", "queue.respond.text", "queue.verdict",
        "queue.verdict.upheld", "queue.verdict.not_upheld", "queue.verdict.reason", "queue.verdict.supervisor_only", "queue.complainant",
        "queue.complainant.satisfied", "queue.complainant.comment", "queue.save", "queue.sla.warning", "queue.sla.breach", "queue.failed",
        "queue.severity.high", "queue.severity.medium", "queue.severity.low",
        "queue.score.1", "queue.score.2", "queue.score.3", "queue.score.4", "queue.score.5",
    ];

    public static Dictionary<string, object> For(UiText t, ClaimsPrincipal user)
    {
        var text = Keys.ToDictionary(k => k, k => t[k]);
        foreach (var status in Enum.GetNames<WorkOrderStatus>()) text[$"status.{status}"] = t[$"order.status.{status}"];
        return new()
        {
            ["text"] = text,
            ["english"] = UiText.IsEnglish,
            // Verdicts are the supervisors' (the API refuses anyone else); others see who is waited for instead of a form that fails.
            ["canJudge"] = user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin),
        };
    }
}
