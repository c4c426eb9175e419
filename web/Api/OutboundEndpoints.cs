using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Agent outbound (座席外呼): click-to-call a member, a merchant, a worker or a typed number from the console. The
/// number is looked up here from the read tables, so the browser only names whom to call; the agent must be
/// Available (ready, no call). The pop (去电弹屏) goes to the agent's console as <c>call.outbound</c> and is returned.
/// </summary>
public static class OutboundEndpoints
{
    public sealed record OutboundCallRequest(string? Target, string? Id, string? Number, string? OrderNo);

    private static readonly string[] Kinds = [OutboundTarget.Member, OutboundTarget.Merchant, OutboundTarget.Worker, OutboundTarget.Number];

    public static RouteGroupBuilder MapOutboundEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/console/outbound", Call).WithTags("Agent console").RequireAuthorization(Policies.Agent)
            .WithSummary("Call out (座席外呼)")
            .WithDescription("target: member | merchant | worker (with id) or number (with number); orderNo: the work order the call "
                + "is about, which must concern the person called. The agent must be Available. Returns the outbound pop.");
        return api;
    }

    private static async Task<Results<Ok<OutboundPop>, ValidationProblem, ProblemHttpResult>> Call(OutboundCallRequest body, ClaimsPrincipal user,
        OutboundTargets targets, IGrainFactory grains, UiText text)
    {
        if (user.Find(HomeServiceClaims.AgentId) is not { } agentId) return Problems.Status(403, ProblemTypes.Forbidden, "This login has no agent seat.");
        var errors = new Dictionary<string, string[]>();
        var kind = body.Target?.Trim().ToLowerInvariant();
        if (kind is null) errors["target"] = ["required"];
        else if (!Kinds.Contains(kind)) errors["target"] = ["unknown"];
        else if (kind == OutboundTarget.Number && string.IsNullOrWhiteSpace(body.Number)) errors["number"] = ["required"];
        else if (kind != OutboundTarget.Number && string.IsNullOrWhiteSpace(body.Id)) errors["id"] = ["required"];
        References.Limit(errors, "id", body.Id, 64);
        References.Limit(errors, "number", body.Number, 32);
        References.Limit(errors, "orderNo", body.OrderNo, 64);
        if (errors.Count > 0) return Problems.Validation(text, errors, "outbound");

        var (resolved, field) = await targets.Resolve(kind!, body.Id?.Trim(), body.Number?.Trim(), Blank(body.OrderNo));
        if (resolved is null)
            return Problems.Validation(text, new Dictionary<string, string[]> { [field!] = [field == "number" ? "format" : "unknown"] }, "outbound");
        var result = await grains.GetGrain<IOutboundDialerGrain>(0).PlaceAgentCall(agentId, resolved.Number, resolved.Target);
        return result.Succeeded
            ? TypedResults.Ok(new OutboundPop(result.Value!, resolved.Target))
            : Problems.Status(409, ProblemTypes.Conflict, text["console.outbound.busy"]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
