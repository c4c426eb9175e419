using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>What supervisors read about calls and queues: a call's timeline and its routing decisions, live queues.</summary>
public static class CallEndpoints
{
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
        return api;
    }
}
