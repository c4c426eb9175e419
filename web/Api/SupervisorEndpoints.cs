using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// The supervisor seat (班长席): the wallboard's snapshot, monitor / whisper / barge / leave / force release of a live
/// call, forced agent state, and the audit trail. Actions need the Supervisor role itself (policy SupervisorSeat); the
/// audit trail is open to admins too. The supervisor is always the signed-in login, never a value from the request.
/// </summary>
public static class SupervisorEndpoints
{
    public sealed record SupervisionRequest(string? Mode, string? Reason);
    public sealed record ForceReleaseRequest(string? Reason);
    public sealed record AgentStateRequest(string? State, string? Reason);

    public static RouteGroupBuilder MapSupervisorEndpoints(this RouteGroupBuilder api)
    {
        var seat = api.MapGroup("/supervisor").WithTags("Supervisor seat");
        seat.MapGet("/board", async (SupervisorBoard board, TimeProvider clock) => TypedResults.Ok(await board.Read(clock.GetUtcNow())))
            .RequireAuthorization(Policies.SupervisorSeat);
        seat.MapPost("/calls/{callId}/monitor", Monitor).RequireAuthorization(Policies.SupervisorSeat)
            .WithSummary("Monitor (监听), whisper (耳语) or barge in (强插)")
            .WithDescription("mode: listen, whisper or barge; again with another mode switches. reason is required (at most 200 "
                + "characters) and goes into the audit trail. Only a Connected or OnHold call (409 otherwise).");
        seat.MapPost("/calls/{callId}/leave", Leave).RequireAuthorization(Policies.SupervisorSeat)
            .WithSummary("The supervisor leaves the call; it goes on");
        seat.MapPost("/calls/{callId}/release", Release).RequireAuthorization(Policies.SupervisorSeat)
            .WithSummary("Force release (强拆): end the call")
            .WithDescription("reason is required (at most 200 characters). The call ends with cause force-released; the agent goes to wrap-up.");
        seat.MapPost("/agents/{agentId}/state", ForceState).RequireAuthorization(Policies.SupervisorSeat)
            .WithSummary("Force an agent's state (强制签出/置忙/就绪)")
            .WithDescription("state: logged-out, not-ready or ready; reason required (at most 200 characters). Refused (409) where the "
                + "agent could not do it either, e.g. logging out mid-call: force-release the call first.");
        seat.MapGet("/audit", async (string? agentId, string? callId, int? limit, SupervisorAuditReader audit) =>
                TypedResults.Ok(await audit.Latest(Short(agentId), Short(callId), Math.Clamp(limit ?? 100, 1, 500))))
            .RequireAuthorization(Policies.Supervisor)
            .WithSummary("The supervisor audit trail, newest first (supervisors and admins)");
        return api;
    }

    private static async Task<Results<Ok<CallSupervisionView>, ValidationProblem, ProblemHttpResult>> Monitor(string callId, SupervisionRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Mode)) errors["mode"] = ["required"];
        else if (!SupervisionModes.All.Contains(body.Mode)) errors["mode"] = ["unknown"];
        if (SupervisorReason.Error(body.Reason) is { } reason) errors["reason"] = [reason];
        if (errors.Count > 0) return Problems.Validation(text, errors, "supervisor");
        return await OnCall(callId, grains, text, call => call.Monitor(Supervisor(user), body.Mode!, body.Reason!));
    }

    private static Task<Results<Ok<CallSupervisionView>, ValidationProblem, ProblemHttpResult>> Leave(string callId, ClaimsPrincipal user,
        IGrainFactory grains, UiText text) =>
        OnCall(callId, grains, text, call => call.LeaveSupervision(Supervisor(user)));

    private static async Task<Results<Ok<CallSupervisionView>, ValidationProblem, ProblemHttpResult>> Release(string callId, ForceReleaseRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (SupervisorReason.Error(body.Reason) is { } reason)
            return Problems.Validation(text, new Dictionary<string, string[]> { ["reason"] = [reason] }, "supervisor");
        return await OnCall(callId, grains, text, call => call.ForceRelease(Supervisor(user), body.Reason!));
    }

    private static async Task<Results<Ok<AgentView>, ValidationProblem, ProblemHttpResult>> ForceState(string agentId, AgentStateRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (agentId.Length > 32 || await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgent(agentId) is null)
            return Problems.Status(404, ProblemTypes.NotFound, "No such agent.");
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.State)) errors["state"] = ["required"];
        else if (!ForcedAgentStates.All.Contains(body.State)) errors["state"] = ["unknown"];
        if (SupervisorReason.Error(body.Reason) is { } reason) errors["reason"] = [reason];
        if (errors.Count > 0) return Problems.Validation(text, errors, "supervisor");
        var result = await grains.GetGrain<IAgentGrain>(agentId).ForceState(body.State!, Supervisor(user), body.Reason!);
        return result.Succeeded
            ? TypedResults.Ok(result.Value!)
            : Problems.Status(409, ProblemTypes.Conflict, text.Format("supervisor.refused", text.Validation("status", result.Errors!.Values.First()[0], "supervisor")));
    }

    private static async Task<Results<Ok<CallSupervisionView>, ValidationProblem, ProblemHttpResult>> OnCall(string callId, IGrainFactory grains,
        UiText text, Func<ICallSupervisionGrain, Task<CommandResult<CallSupervisionView>>> action)
    {
        var call = grains.GetGrain<ICallSupervisionGrain>(callId);
        if (callId.Length > 64 || (await call.GetSupervision()).Version == 0) return Problems.Status(404, ProblemTypes.NotFound, "No such call.");
        var result = await action(call);
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        var (field, codes) = result.Errors!.First();
        return field == "call"
            ? Problems.Status(409, ProblemTypes.Conflict, text.Format("supervisor.refused", text[$"supervisor.refused.{codes[0]}"]))
            : Problems.Validation(text, result.Errors!, "supervisor");
    }

    private static string Supervisor(ClaimsPrincipal user) => user.Identity!.Name!;

    private static string? Short(string? id) => string.IsNullOrWhiteSpace(id) ? null : id[..Math.Min(64, id.Length)];
}
