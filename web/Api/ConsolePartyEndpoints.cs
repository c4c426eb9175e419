using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Multi-party calls (多方通话) from the agent console: add a party (添加通话方), merge a consultation into a three-way
/// call (合并为三方), remove a party, leave (离开). The agent is the signed-in seat; the call grain checks that the agent is
/// on the call (its agent, or for leave and read also a colleague added to it).
/// </summary>
public static class ConsolePartyEndpoints
{
    public sealed record AddPartyRequest(string? Kind, string? Id);

    public static RouteGroupBuilder MapConsolePartyEndpoints(this RouteGroupBuilder api)
    {
        var parties = api.MapGroup("/console/calls/{callId}/parties").WithTags("Agent console").RequireAuthorization(Policies.Agent)
            .AddEndpointFilter(async (context, next) => AgentId(context.HttpContext.User) is null
                ? Problems.Status(403, ProblemTypes.Forbidden, "This login has no agent seat.")
                : await next(context));
        parties.MapGet("/", Get);
        parties.MapPost("/", Add)
            .WithSummary("Add a party to the live call (添加通话方)")
            .WithDescription("kind: agent (an agent id), merchant (a merchant id: its contact phone is dialled), worker (a worker id: "
                + "their phone) or external (a phone number). Only the call's agent, while Connected or OnHold, at most 3 parties.");
        parties.MapPost("/merge", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => Act(callId, u, g, t, (c, a) => c.MergeConsult(a)))
            .WithSummary("Merge the answered consultation into a three-way call (合并为三方)");
        parties.MapPost("/leave", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => Act(callId, u, g, t, (c, a) => c.LeaveConference(a)))
            .WithSummary("Leave the conference (离开); the others stay connected");
        parties.MapDelete("/{partyId}", (string callId, string partyId, ClaimsPrincipal u, IGrainFactory g, UiText t) =>
                Act(callId, u, g, t, (c, a) => c.RemoveParty(a, partyId[..Math.Min(16, partyId.Length)])))
            .WithSummary("The call's agent drops a party");
        return api;
    }

    private static async Task<Results<Ok<CallLegsView>, ProblemHttpResult>> Get(string callId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (callId.Length > 64) return NotFound();
        var legs = await grains.GetGrain<ICallConferenceGrain>(callId).GetLegs();
        var me = AgentId(user);
        // Only an agent who is or was on this call reads who else is on it.
        return legs.Version > 0 && (legs.AgentId == me || legs.Parties.Any(p => p.Kind == PartyKinds.Agent && p.TargetId == me))
            ? TypedResults.Ok(legs)
            : NotFound();
    }

    private static async Task<Results<Ok<CallLegsView>, ValidationProblem, ProblemHttpResult>> Add(string callId, AddPartyRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Kind)) errors["kind"] = ["required"];
        else if (!PartyKinds.All.Contains(body.Kind)) errors["kind"] = ["unknown"];
        if (string.IsNullOrWhiteSpace(body.Id)) errors["id"] = ["required"];
        else if (body.Id.Length > 32) errors["id"] = ["max_length:32"];
        if (errors.Count > 0) return Problems.Validation(text, errors, "party");
        return await Act(callId, user, grains, text, (c, a) => c.AddParty(a, body.Kind!, body.Id!.Trim()));
    }

    private static async Task<Results<Ok<CallLegsView>, ValidationProblem, ProblemHttpResult>> Act(string callId, ClaimsPrincipal user,
        IGrainFactory grains, UiText text, Func<ICallConferenceGrain, string, Task<CommandResult<CallLegsView>>> action)
    {
        if (callId.Length > 64) return NotFound();
        var result = await action(grains.GetGrain<ICallConferenceGrain>(callId), AgentId(user)!);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!)
            : Problems.Status(409, ProblemTypes.Conflict, text.Format("console.refused", text[$"console.refused.{result.Errors!.Values.First()[0]}"]));
    }

    private static string? AgentId(ClaimsPrincipal user) => user.Find(HomeServiceClaims.AgentId);

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such call.");
}
