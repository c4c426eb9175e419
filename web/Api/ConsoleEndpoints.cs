using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// The agent console's API. The agent is always the signed-in user's own seat (from the login's claims), never
/// an id from the address, so one agent can never act on another's seat.
/// </summary>
public static class ConsoleEndpoints
{
    public sealed record ConsoleState(AgentView Agent, ScreenPop? Call, IReadOnlyList<string> NotReadyReasons);
    public sealed record NotReadyRequest(string? Reason);
    /// <summary>Id: a colleague's work number or login, a queue, or a number; Note: for the agent who takes the call over.</summary>
    public sealed record TransferRequest(string? Kind, string? Id, string? Note = null);

    public static RouteGroupBuilder MapConsoleEndpoints(this RouteGroupBuilder api)
    {
        // An admin passes the Agent policy but has no seat: every console call, read or write, is then a 403.
        var console = api.MapGroup("/console").WithTags("Agent console").RequireAuthorization(Policies.Agent)
            .AddEndpointFilter(async (context, next) => AgentId(context.HttpContext.User) is null ? NoSeat() : await next(context));
        console.MapGet("/", GetState);
        console.MapPost("/login", (ClaimsPrincipal u, IGrainFactory g, UiText t) => Seat(u, g, t, a => a.Login()));
        console.MapPost("/logout", (ClaimsPrincipal u, IGrainFactory g, UiText t) => Seat(u, g, t, a => a.Logout("agent")));
        console.MapPost("/ready", (ClaimsPrincipal u, IGrainFactory g, UiText t) => Seat(u, g, t, a => a.Ready()));
        console.MapPost("/not-ready", (NotReadyRequest body, ClaimsPrincipal u, IGrainFactory g, UiText t) => Seat(u, g, t, a => a.NotReady(body.Reason ?? "")));
        console.MapPost("/end-wrap-up", (ClaimsPrincipal u, IGrainFactory g, UiText t) => Seat(u, g, t, a => a.EndWrapUp()));
        console.MapPost("/heartbeat", async (ClaimsPrincipal u, IGrainFactory g) =>
        {
            if (AgentId(u) is { } id) await g.GetGrain<IAgentGrain>(id).Heartbeat();
            return TypedResults.NoContent();
        });
        console.MapGet("/calls/today", async (ClaimsPrincipal u, CallListReader calls) => TypedResults.Ok(await calls.Today(AgentId(u) ?? "")));
        console.MapPost("/calls/{callId}/accept", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.Accept(a)));
        console.MapPost("/calls/{callId}/reject", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.Reject(a)));
        console.MapPost("/calls/{callId}/hold", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.Hold(a)));
        console.MapPost("/calls/{callId}/unhold", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.Unhold(a)));
        console.MapPost("/calls/{callId}/hangup", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.HangUp(a)));
        console.MapPost("/calls/{callId}/pickup", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.Pickup(a)));
        console.MapGet("/transfer-targets", async (ClaimsPrincipal u, IGrainFactory g, MerchantPhoneBook phones, UiText t) =>
            TypedResults.Ok(await TransferTargets.For(g, phones, AgentId(u) ?? "", t)));
        console.MapPost("/calls/{callId}/consult", Consult);
        console.MapPost("/calls/{callId}/complete-transfer", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.CompleteTransfer(a)));
        console.MapPost("/calls/{callId}/cancel-consult", (string callId, ClaimsPrincipal u, IGrainFactory g, UiText t) => OnCall(callId, u, g, t, (c, a) => c.CancelConsult(a)));
        console.MapPost("/calls/{callId}/transfer", Transfer);
        console.MapSeatPhone();
        return api;
    }

    /// <summary>An attended transfer's first step: the colleague (work number or login) rings, with the agent's note on their pop.</summary>
    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Consult(string callId, TransferRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 32) return Problems.Validation(text, new Dictionary<string, string[]> { ["target"] = ["required"] });
        if (body.Note is { Length: > 200 }) return Problems.Validation(text, new Dictionary<string, string[]> { ["note"] = ["max_length:200"] });
        if (await TransferTargets.Agent(grains, body.Id.Trim()) is not { } colleague) return UnknownAgent(text);
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        return await OnCall(callId, user, grains, text, (c, a) => c.Consult(a, colleague, note));
    }

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> Transfer(string callId, TransferRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (body.Kind is not (TransferTarget.Agent or TransferTarget.Queue or TransferTarget.External) || string.IsNullOrWhiteSpace(body.Id) || body.Id.Length > 32)
            return Problems.Validation(text, new Dictionary<string, string[]> { ["target"] = ["required"] });
        if (body.Note is { Length: > 200 }) return Problems.Validation(text, new Dictionary<string, string[]> { ["note"] = ["max_length:200"] });
        var id = body.Id.Trim();
        if (body.Kind == TransferTarget.Agent)
        {
            // A login (agent2) names the same seat as its work number (A002); a name that is neither is not "busy", it is unknown.
            if (await TransferTargets.Agent(grains, id) is not { } colleague) return UnknownAgent(text);
            id = colleague;
        }
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        return await OnCall(callId, user, grains, text, (c, a) => c.Transfer(a, new TransferTarget(body.Kind, id, note)));
    }

    private static ProblemHttpResult UnknownAgent(UiText text) =>
        Problems.Status(409, ProblemTypes.Conflict, text.Format("console.refused", text["console.refused.unknown-agent"]));

    private static async Task<Results<Ok<ConsoleState>, ProblemHttpResult>> GetState(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (AgentId(user) is not { } id) return NoSeat();
        var agent = await grains.GetGrain<IAgentGrain>(id).Get();
        var pop = agent.CallId is { } callId ? await grains.GetGrain<ICallGrain>(callId).GetPop() : null;
        var reasons = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetNotReadyReasons()).Where(r => r.Active).Select(r => r.Code).ToList();
        return TypedResults.Ok(new ConsoleState(agent, pop, reasons));
    }

    private static async Task<Results<Ok<AgentView>, ValidationProblem, ProblemHttpResult>> Seat(ClaimsPrincipal user, IGrainFactory grains, UiText text,
        Func<IAgentGrain, Task<CommandResult<AgentView>>> action)
    {
        if (AgentId(user) is not { } id) return NoSeat();
        var result = await action(grains.GetGrain<IAgentGrain>(id));
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!);
    }

    private static async Task<Results<Ok<CallView>, ValidationProblem, ProblemHttpResult>> OnCall(string callId, ClaimsPrincipal user,
        IGrainFactory grains, UiText text, Func<ICallGrain, string, Task<CommandResult<CallView>>> action)
    {
        if (AgentId(user) is not { } id) return NoSeat();
        if (callId.Length > 64) return Problems.Status(404, ProblemTypes.NotFound, "No such call.");
        var result = await action(grains.GetGrain<ICallGrain>(callId), id);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!)
            : Problems.Status(409, ProblemTypes.Conflict, text.Format("console.refused", text[$"console.refused.{result.Errors!.Values.First()[0]}"]));
    }

    private static string? AgentId(ClaimsPrincipal user) => user.Find(HomeServiceClaims.AgentId);

    private static ProblemHttpResult NoSeat() => Problems.Status(403, ProblemTypes.Forbidden, "This login has no agent seat.");
}
