using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HomeService.Web.Pages;

/// <summary>
/// The member center (/member): the profile, and the member's orders rendered on the server so they show without
/// JavaScript; member-orders.js opens one with its timeline, cancels, reschedules and rates, and follows pushes.
/// </summary>
public sealed class MemberModel(MemberOrderReader orders, CatalogueReader catalogue, InboxReader inbox, UiText t) : PageModel
{
    public IReadOnlyList<MemberOrderReader.Summary> Orders { get; private set; } = [];
    public Dictionary<string, string> Categories { get; private set; } = new();
    public IReadOnlyList<InboxReader.Notice> Notices { get; private set; } = [];

    /// <summary>The in-app notices a member receives (templates of the notification outbox).</summary>
    public static readonly string[] NoticeTemplates =
        ["member.order.received", "member.order.accepted", "member.order.worker-assigned", "member.order.en-route", "member.order.completed",
         "member.order.rescheduled", "member.order.cancelled", "consultation.reply"];

    /// <summary>What member-orders.js needs: its words, status, category, step and tag names.</summary>
    public object Script { get; private set; } = new { };

    public static readonly string[] StepKeys =
        ["created", "dispatching", "accepted", "redispatch", "worker-assigned", "en-route", "checked-in", "completed", "rescheduled", "cancelled",
         "cannot-complete", "rated", "closed", "answered", "verdict"];

    public async Task OnGet()
    {
        var member = User.Find(HomeServiceClaims.MemberId) ?? "";
        Orders = await orders.List(member);
        Notices = await inbox.List("member", member, unreadOnly: false);
        Categories = await catalogue.Names();
        var text = OrderScreenText.For(t, "member.orders.loading", "member.orders.timeline", "member.orders.worker", "member.orders.worker.code",
            "member.orders.merchant", "member.orders.address", "member.orders.cancel", "member.orders.cancel.reason", "member.orders.cancel.confirm",
            "member.orders.reschedule", "member.orders.reschedule.start", "member.orders.reschedule.end", "member.orders.reschedule.save",
            "member.orders.rate", "member.orders.rate.stars", "member.orders.rate.tags", "member.orders.rate.comment", "member.orders.rate.submit",
            "member.orders.rate.photos", "member.orders.rate.photos.too-many", "member.orders.rate.photos.too-large",
            "site.review.photo",
            "member.orders.rated", "member.orders.updated", "member.failed", "member.orders.star");
        foreach (var step in StepKeys) text[$"step.{step}"] = t[$"member.orders.step.{step}"];
        foreach (var tag in MemberOrderReader.RatingTags) text[$"tag.{tag}"] = t[$"member.orders.tag.{tag}"];
        foreach (var template in NoticeTemplates) text[$"notice.{template}"] = t[$"notice.{template}"];
        text["notice.other"] = t["notice.other"];
        text["inbox.mark_read"] = t["inbox.mark_read"];
        foreach (var kind in new[] { "service", "consultation", "complaint", "suggestion" }) text[$"kind.{kind}"] = t[$"member.orders.kind.{kind}"];
        Script = new
        {
            text = new[] { "member.profile.saved", "member.failed", "member.profile.address.remove" }.ToDictionary(k => k, k => t[k]),
            orders = new { text, categories = Categories, tags = MemberOrderReader.RatingTags },
        };
    }

    /// <summary>A notice in words: its template's text with the parameters filled in ("{orderNo}").</summary>
    public string NoticeText(InboxReader.Notice n)
    {
        if (!NoticeTemplates.Contains(n.Template)) return t["notice.other"];
        return System.Text.RegularExpressions.Regex.Replace(t[$"notice.{n.Template}"], @"\{(\w+)\}", m =>
            n.Parameters.ValueKind == System.Text.Json.JsonValueKind.Object && n.Parameters.TryGetProperty(m.Groups[1].Value, out var v)
                ? v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText() : "");
    }

    /// <summary>The order's time window in Beijing time: "2026-11-20 09:00–11:00".</summary>
    public static string Window(DateTimeOffset? start, DateTimeOffset? end)
    {
        if (start is not { } s) return "";
        var from = s.ToOffset(TimeSpan.FromHours(8));
        if (end is not { } e) return from.ToString("yyyy-MM-dd HH:mm");
        var to = e.ToOffset(TimeSpan.FromHours(8));
        return to.Date == from.Date ? $"{from:yyyy-MM-dd HH:mm}–{to:HH:mm}" : $"{from:yyyy-MM-dd HH:mm} – {to:yyyy-MM-dd HH:mm}";
    }
}
