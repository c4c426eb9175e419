using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using System.Security.Claims;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>What supervisors read about calls and queues: a call's timeline and its routing decisions, live queues.</summary>
public static class CallEndpoints
{
    public sealed record TierRequest(int AfterSeconds, string? Skill, int MinProficiency);

    public sealed record QueueSettingsRequest(string? Strategy, IReadOnlyList<TierRequest>? Tiers, int? RingTimeoutSeconds, int? MaxNoAnswers,
        int? WrapUpSeconds, int? MaxWaitSeconds, string? OverflowQueueId, bool? OfferCallback, int? AnnounceEverySeconds,
        IReadOnlyList<string>? TopDownOrder);

    public static RouteGroupBuilder MapCallEndpoints(this RouteGroupBuilder api)
    {
        var calls = api.MapGroup("/calls").WithTags("Calls").RequireAuthorization(Policies.Supervisor);
        calls.MapGet("/{callId}", async (string callId, IGrainFactory grains) =>
            callId.Length <= 64 && await grains.GetGrain<ICallGrain>(callId).Get() is { } view && view.Version > 0
                ? (Results<Ok<CallView>, ProblemHttpResult>)TypedResults.Ok(view)
                : Problems.Status(404, ProblemTypes.NotFound, "No such call."));
        calls.MapGet("/{callId}/routing", async (string callId, CallListReader reader) => TypedResults.Ok(await reader.RoutingDecisions(callId)));
        api.MapGet("/queues", async (IGrainFactory grains) =>
        {
            var queues = await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues();
            return TypedResults.Ok(await Task.WhenAll(queues.Select(q => grains.GetGrain<IQueueGrain>(q.QueueId).GetView())));
        }).RequireAuthorization(Policies.CallCenter).WithTags("Calls");
        api.MapPut("/queues/{queueId}", UpdateQueue).RequireAuthorization(Policies.Supervisor).WithTags("Calls");
        return api;
    }

    /// <summary>Omitted fields keep their current value. The change applies to calls already waiting.</summary>
    private static async Task<Results<Ok<QueueConfig>, ValidationProblem, ProblemHttpResult>> UpdateQueue(string queueId, QueueSettingsRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        if (queueId.Length > 64 || await directory.GetQueue(queueId) is not { } current) return Problems.Status(404, ProblemTypes.NotFound, "No such queue.");
        var strategy = current.Strategy;
        if (body.Strategy is not null && !RoutingStrategies.TryParse(body.Strategy, out strategy))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["strategy"] = ["unknown"] });
        var config = current with
        {
            Strategy = strategy,
            Tiers = body.Tiers?.Select(t => new ExpansionTier(t.AfterSeconds, t.Skill ?? "", t.MinProficiency)).ToList() ?? current.Tiers,
            RingTimeoutSeconds = body.RingTimeoutSeconds ?? current.RingTimeoutSeconds,
            MaxNoAnswers = body.MaxNoAnswers ?? current.MaxNoAnswers,
            WrapUpSeconds = body.WrapUpSeconds ?? current.WrapUpSeconds,
            MaxWaitSeconds = body.MaxWaitSeconds ?? current.MaxWaitSeconds,
            OverflowQueueId = body.OverflowQueueId is null ? current.OverflowQueueId : body.OverflowQueueId == "" ? null : body.OverflowQueueId,
            OfferCallback = body.OfferCallback ?? current.OfferCallback,
            AnnounceEverySeconds = body.AnnounceEverySeconds ?? current.AnnounceEverySeconds,
            TopDownOrder = body.TopDownOrder ?? current.TopDownOrder,
        };
        var result = await directory.UpdateQueue(config, user.Identity!.Name!);
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!);
    }
}
