using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// The member center's orders (会员自助管理): a resident lists their own orders, opens one with its timeline, cancels or
/// reschedules it while the state allows, and rates it once it is done. The rating feeds the same follow-up record as the
/// center's call and the IVR: the first rating counts, later ones stay as notes. Someone else's order reads as "no such
/// order", whatever is asked of it. Answers carry the member's view of the order (<see cref="WorkOrderPrivacy.ForMember"/>).
/// </summary>
public static class MemberOrderEndpoints
{
    /// <summary>
    /// Tags: quick verdicts from <see cref="MemberOrderReader.RatingTags"/>. Photos: ids the member uploaded for this order
    /// (POST …/rating/photos), at most <see cref="ReviewPhotoStore.MaxPerRating"/>.
    /// </summary>
    public sealed record RatingRequest(int? Score, bool? Resolved, string? Comment, IReadOnlyList<string>? Tags = null, IReadOnlyList<Guid>? Photos = null);
    public sealed record CancelRequest(string? Reason);

    public static RouteGroupBuilder MapMemberOrderEndpoints(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/member/orders").WithTags("Member center").RequireAuthorization(Policies.Resident);
        orders.MapGet("", async (ClaimsPrincipal user, MemberOrderReader reader) => TypedResults.Ok(await reader.List(Member(user))));
        orders.MapGet("/{orderNo}", async Task<Results<Ok<MemberOrderReader.Detail>, ProblemHttpResult>> (string orderNo, ClaimsPrincipal user,
            MemberOrderReader reader, UiText text) =>
            await reader.Find(Member(user), orderNo) is { } detail ? TypedResults.Ok(detail) : NoSuchOrder(text));
        orders.MapPost("/{orderNo}/cancel", Cancel);
        orders.MapPost("/{orderNo}/reschedule", Reschedule);
        orders.MapPost("/{orderNo}/rating", Rate);
        return api;
    }

    /// <summary>The reason is optional (cut to 200 characters); the order's own rules decide whether it can still be cancelled.</summary>
    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> Cancel(string orderNo, CancelRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!await Owns(user, orderNo, grains)) return NoSuchOrder(text);
        var reason = body.Reason?.Trim() is { Length: > 0 } r ? r.Length > 200 ? r[..200] : r : "会员自助取消";
        return await OrderEndpoints.Act(orderNo, grains, text, o => o.CustomerCancel(reason, Actor(user)), WorkOrderPrivacy.ForMember);
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> Reschedule(string orderNo,
        OrderEndpoints.RescheduleRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!await Owns(user, orderNo, grains)) return NoSuchOrder(text);
        if (body.WindowStart is not { } start || body.WindowEnd is not { } end)
            return Problems.Validation(text, new Dictionary<string, string[]> { [body.WindowStart is null ? "windowStart" : "windowEnd"] = ["required"] });
        return await OrderEndpoints.Act(orderNo, grains, text, o => o.Reschedule(start, end, Actor(user)), WorkOrderPrivacy.ForMember);
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> Rate(string orderNo, RatingRequest body,
        ClaimsPrincipal user, IGrainFactory grains, ReviewPhotoStore reviewPhotos, UiText text)
    {
        if (!await Owns(user, orderNo, grains)) return NoSuchOrder(text);
        var tags = body.Tags ?? [];
        if (tags.Any(t => !MemberOrderReader.RatingTags.Contains(t)))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["tags"] = ["unknown"] });
        // A photo of another order (or no rating photo at all) would be published under this order's review.
        var photos = (body.Photos ?? []).Distinct().ToArray();
        if (photos.Length > ReviewPhotoStore.MaxPerRating)
            return Problems.Validation(text, new Dictionary<string, string[]> { ["photos"] = [$"max_count:{ReviewPhotoStore.MaxPerRating}"] });
        if (!await reviewPhotos.AllUploadedFor(orderNo, photos))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["photos"] = ["unknown"] });
        var comment = body.Comment is { Length: > 500 } c ? c[..500] : body.Comment;
        return await OrderEndpoints.Act(orderNo, grains, text, o => o.RecordFollowUp(
            new FollowUpOutcome("web", body.Score, body.Resolved ?? true, comment, false, Actor(user), tags.Distinct().ToArray(), photos)),
            WorkOrderPrivacy.ForMember);
    }

    internal static async Task<bool> Owns(ClaimsPrincipal user, string orderNo, IGrainFactory grains) =>
        orderNo.Length <= 32 && Member(user) is { Length: > 0 } member && await grains.GetGrain<IWorkOrderGrain>(orderNo).Get() is { } view
        && view.MemberId == member;

    private static string Member(ClaimsPrincipal user) => user.Find(HomeServiceClaims.MemberId) ?? "";
    private static string Actor(ClaimsPrincipal user) => $"member:{Member(user)}";

    internal static ProblemHttpResult NoSuchOrder(UiText text) => Problems.Status(404, ProblemTypes.NotFound, text["order.unknown"]);
}
