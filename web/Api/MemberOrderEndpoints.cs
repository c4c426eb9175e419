using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// A resident rates their own finished order on the web. It feeds the same follow-up record as the center's call
/// and the IVR: the first rating counts, later ones stay as notes. Someone else's order reads as "no such order".
/// </summary>
public static class MemberOrderEndpoints
{
    public sealed record RatingRequest(int? Score, bool? Resolved, string? Comment);

    public static RouteGroupBuilder MapMemberOrderEndpoints(this RouteGroupBuilder api)
    {
        var orders = api.MapGroup("/member/orders").WithTags("Member center").RequireAuthorization(Policies.Resident);
        orders.MapPost("/{orderNo}/rating", Rate);
        return api;
    }

    private static async Task<Results<Ok<WorkOrderView>, ValidationProblem, ProblemHttpResult>> Rate(string orderNo, RatingRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var member = user.Find(HomeServiceClaims.MemberId);
        if (orderNo.Length > 32 || member is null || await grains.GetGrain<IWorkOrderGrain>(orderNo).Get() is not { } view || view.MemberId != member)
            return Problems.Status(404, ProblemTypes.NotFound, text["order.unknown"]);
        var comment = body.Comment is { Length: > 500 } c ? c[..500] : body.Comment;
        return await OrderEndpoints.Act(orderNo, grains, text, o => o.RecordFollowUp(
            new FollowUpOutcome("web", body.Score, body.Resolved ?? true, comment, false, $"member:{member}")));
    }
}
