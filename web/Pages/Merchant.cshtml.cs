using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

public sealed class MerchantModel(MerchantDeskReader desks, CatalogueReader catalogue, UiText t) : PageModel
{
    public MerchantDeskReader.Desk? Desk { get; private set; }

    /// <summary>The statuses a merchant filters its orders by, in the order's life.</summary>
    public static readonly IReadOnlyList<string> ReportStatuses =
        ["Accepted", "WorkerAssigned", "EnRoute", "InService", "OnHold", "Completed", "FollowUpDue", "FollowedUp", "Closed", "CannotComplete", "Cancelled"];

    /// <summary>A worker's statuses, for the staff panel's filter.</summary>
    public static readonly IReadOnlyList<string> WorkerStatuses = Enum.GetNames<HomeService.Workers.WorkerStatus>();

    /// <summary>The staff panel's words (merchant-staff.js): its own, the safety colours and their reasons.</summary>
    /// <summary>A credit level's words (五心, 2 diamonds), shown beside its symbols.</summary>
    private static readonly string[] LevelKeys =
        [.. new[] { "heart", "diamond" }.SelectMany(kind => Enumerable.Range(1, 5).Select(n => $"credit.level.{kind}.{n}")), "credit.level.none"];

    private static readonly string[] StaffKeys =
    [
        "staff.added", "staff.open", "staff.active", "staff.inactive", "staff.idNumber.onfile", "staff.idNumber.none", "staff.training.name",
        "staff.training.issuer", "staff.training.on", "staff.training.remove", "staff.photo.alt", "staff.code.alt", "staff.code.issue", "staff.code.reissue",
        "staff.blacklisted", "staff.safety.Green", "staff.safety.Yellow", "staff.safety.Red",
        "safety.reason.black-listed", "safety.reason.id-not-verified", "safety.reason.background-check-failed", "safety.reason.health-certificate-missing",
        "safety.reason.health-certificate-expired", "safety.reason.health-certificate-expiring", "safety.reason.training-missing",
        "safety.reason.credentials-missing",
    ];

    /// <summary>The logins panel's words (merchant-logins.js).</summary>
    private static readonly string[] LoginKeys =
    [
        "merchantLogin.role.MerchantAdmin", "merchantLogin.role.MerchantDispatcher", "merchantLogin.role.Worker", "merchantLogin.state.active",
        "merchantLogin.state.disabled", "merchantLogin.issued", "merchantLogin.disable", "merchantLogin.enable", "merchantLogin.reset",
        "merchantLogin.action.disable", "merchantLogin.action.enable",
    ];

    /// <summary>
    /// The company's administrator, who also sees its credit, its information and its logins; a dispatcher
    /// (<see cref="HomeService.Identity.Roles.MerchantDispatcher"/>) sees the desk's orders, workers and inbox.
    /// </summary>
    public bool Manages => User.IsInRole(HomeService.Identity.Roles.MerchantAdmin);

    /// <summary>What every staff login of this company starts with ("m1001-").</summary>
    public string LoginPrefix => (User.Find(HomeServiceClaims.MerchantId) ?? "").ToLowerInvariant() + "-";

    /// <summary>What merchant.js needs: its words, the status and category names, and the company's workers for "assign".</summary>
    public object? Script { get; private set; }

    // The merchant comes from the signed-in user's claims, never from the address, so no one sees another company.
    public async Task OnGet()
    {
        Desk = User.Find(HomeServiceClaims.MerchantId) is { } id ? await desks.Get(id) : null;
        if (Desk is null) return;
        Script = new
        {
            text = OrderScreenText.For(t, ["merchant.accept", "merchant.refuse", "merchant.refuse_reason", "merchant.refuse_confirm",
                "merchant.refuse_cancel", "merchant.reason_required", "merchant.assign", "merchant.reassign", "merchant.worker_choice",
                "merchant.no_skill", "merchant.masked", "merchant.none", "merchant.expired", "order.notes", "worker.summary.extras", "worker.summary.collected", "merchant.offer.left", "merchant.offer.expired",
                "credit.order.gone",
                "worker.status.Available", "worker.status.Assigned", "worker.status.EnRoute", "worker.status.InService", "worker.status.OffDuty",
                "worker.status.Resting", "credit.reason.Rating", "credit.reason.ComplaintMinor", "credit.reason.ComplaintNormal",
                "credit.reason.ComplaintSerious", "credit.reason.AcceptTimeout", "credit.reason.Refusal", "credit.reason.CancelAfterAccept",
                "credit.reason.WorkerNoShow", "credit.reason.LateArrival", "credit.reason.OnTimeStreak", "credit.reason.AllWorkersGreen",
                "credit.reason.AppealOpened", "credit.reason.AppealGranted", "credit.reason.AppealRejected", "notice.order.offered", "notice.order.offer-expiring",
                "notice.credit.changed", "notice.worker.certificate-expiring", "notice.worker.black-listed", "notice.worker.unlisted", "notice.complaint.filed",
                "notice.complaint.assigned", "notice.merchant.status", "notice.other", "board.minutes", "credit.trend", "credit.source.import", "credit.source.order", "credit.source.other", .. LevelKeys, .. StaffKeys, .. LoginKeys]),
            categories = await catalogue.Names(),
            serviceCategories = (await catalogue.GetTree()).SelectMany(top => top.Children).Select(c => c.Code),
            workers = Desk.Workers.Select(w => new { id = w.Id, name = w.Name, skills = w.Skills, status = w.Status,
                expired = w.QualificationExpires < DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)) }),
        };
    }
}

/// <summary>Words and names shared by the merchant and worker pages' scripts, in the page's language.</summary>
public static class OrderScreenText
{
    public static Dictionary<string, string> For(UiText t, params string[] keys)
    {
        var text = keys.ToDictionary(k => k, k => t[k]);
        foreach (var status in Enum.GetNames<WorkOrderStatus>()) text[$"status.{status}"] = t[$"order.status.{status}"];
        return text;
    }
}
