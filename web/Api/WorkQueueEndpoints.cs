using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.WorkOrders;

namespace HomeService.Web.Api;

/// <summary>
/// Read side of the console's work queues. The steps themselves (dispatch, follow-up, assign, verdict…) stay on the order
/// endpoints, so the queues add no second way to change an order.
/// </summary>
public static class WorkQueueEndpoints
{
    /// <summary>A department an agent may assign a complaint or forward a request to, named in the agent's language.</summary>
    public sealed record DepartmentChoice(string Code, string Name);

    public static RouteGroupBuilder MapWorkQueueEndpoints(this RouteGroupBuilder api)
    {
        var queues = api.MapGroup("/work-queues").WithTags("Work queues").RequireAuthorization(Policies.CallCenter);
        queues.MapGet("/manual-dispatch", async (WorkQueueReader reader) => TypedResults.Ok(await reader.ManualDispatch()));
        // Every merchant the order could go to by hand, eligible ones first; each other one says in words why it is not eligible.
        queues.MapGet("/manual-dispatch/{orderNo}/merchants", async (string orderNo, IGrainFactory grains, WorkQueueReader reader, UiText t) =>
        {
            var order = grains.GetGrain<IWorkOrderGrain>(orderNo);
            if (orderNo.Length > 32 || await order.Get() is null) return TypedResults.Ok<IReadOnlyList<WorkQueueReader.Candidate>>([]);
            return TypedResults.Ok(await reader.Candidates(await order.ManualDispatchChoices(), t));
        });
        queues.MapGet("/follow-ups", async (WorkQueueReader reader) => TypedResults.Ok(await reader.FollowUps()));
        queues.MapGet("/complaints", async (WorkQueueReader reader) => TypedResults.Ok(await reader.Complaints()));
        queues.MapGet("/merchants", async (WorkQueueReader reader) => TypedResults.Ok(await reader.Merchants()));
        // Asked each time a complaint is assigned, so a department an admin adds is offered at once, and a retired one no longer.
        queues.MapGet("/departments", async (IGrainFactory grains) => TypedResults.Ok((await grains.GetGrain<IDepartmentsGrain>(0).GetAll())
            .Where(d => d.Active).Select(d => new DepartmentChoice(d.Code, UiText.IsEnglish ? d.NameEn : d.NameZh)).ToList()));
        return api;
    }
}
