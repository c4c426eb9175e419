using HomeService.Web.Auth;
using HomeService.Web.Data;

namespace HomeService.Web.Api;

/// <summary>
/// Read side of the console's work queues. The steps themselves (dispatch, follow-up, assign, verdict…) stay on the order
/// endpoints, so the queues add no second way to change an order.
/// </summary>
public static class WorkQueueEndpoints
{
    public static RouteGroupBuilder MapWorkQueueEndpoints(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/work-queues").WithTags("Work queues").RequireAuthorization(Policies.CallCenter);
        queues.MapGet("/manual-dispatch", async (WorkQueueReader reader) => TypedResults.Ok(await reader.ManualDispatch()));
        queues.MapGet("/manual-dispatch/{orderNo}/merchants", async (string orderNo, WorkQueueReader reader) =>
            TypedResults.Ok(orderNo.Length > 32 ? [] : await reader.Candidates(orderNo)));
        queues.MapGet("/follow-ups", async (WorkQueueReader reader) => TypedResults.Ok(await reader.FollowUps()));
        queues.MapGet("/complaints", async (WorkQueueReader reader) => TypedResults.Ok(await reader.Complaints()));
        queues.MapGet("/merchants", async (WorkQueueReader reader) => TypedResults.Ok(await reader.Merchants()));
        return api;
    }
}
