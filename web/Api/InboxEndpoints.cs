using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// A merchant's inbox of platform notices and system messages (系统通知): new offers, credit changes, certificates
/// expiring, status changes. New ones also arrive live as "notification.new". A merchant reads and marks only its own;
/// a member likewise has their own inbox of order updates and replies.
/// </summary>
public static class InboxEndpoints
{
    public sealed record ReadRequest(IReadOnlyList<Guid>? Ids);

    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/merchant/notifications").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantDesk);
        inbox.MapGet("", async (bool? unread, ClaimsPrincipal user, InboxReader reader) =>
            TypedResults.Ok(await reader.List("merchant", user.MerchantOf(), unread ?? false)));
        // Ids: the notices read; none: all of them.
        inbox.MapPost("/read", async (ReadRequest body, ClaimsPrincipal user, InboxReader reader) =>
            TypedResults.Ok(new { marked = await reader.MarkRead("merchant", user.MerchantOf(), body.Ids?.Take(500).ToArray()) }));

        // The member's own inbox (系统消息): their orders' steps and the center's replies, live as "notification.new".
        var member = api.MapGroup("/member/notifications").WithTags("Member center").RequireAuthorization(Policies.Resident);
        member.MapGet("", async (bool? unread, ClaimsPrincipal user, InboxReader reader) =>
            TypedResults.Ok(await reader.List("member", user.Find(HomeServiceClaims.MemberId) ?? "", unread ?? false)));
        member.MapPost("/read", async (ReadRequest body, ClaimsPrincipal user, InboxReader reader) =>
            TypedResults.Ok(new { marked = await reader.MarkRead("member", user.Find(HomeServiceClaims.MemberId) ?? "", body.Ids?.Take(500).ToArray()) }));
        return api;
    }
}
