using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// A merchant's inbox of platform notices and system messages (系统通知): new offers, credit changes, certificates
/// expiring, status changes. New ones also arrive live as "notification.new". A merchant reads and marks only its own.
/// </summary>
public static class InboxEndpoints
{
    public sealed record ReadRequest(IReadOnlyList<Guid>? Ids);

    public static RouteGroupBuilder MapInboxEndpoints(this RouteGroupBuilder api)
    {
        var inbox = api.MapGroup("/merchant/notifications").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantAdmin);
        inbox.MapGet("", async (bool? unread, ClaimsPrincipal user, InboxReader reader) =>
            TypedResults.Ok(await reader.List("merchant", user.MerchantOf(), unread ?? false)));
        // Ids: the notices read; none: all of them.
        inbox.MapPost("/read", async (ReadRequest body, ClaimsPrincipal user, InboxReader reader) =>
            TypedResults.Ok(new { marked = await reader.MarkRead("merchant", user.MerchantOf(), body.Ids?.Take(500).ToArray()) }));
        return api;
    }
}
