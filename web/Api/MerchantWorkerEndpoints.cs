using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.Workers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// A merchant's own staff: their live status, and setting it by hand (available, resting, off duty). The company
/// comes from the login; another company's worker is a 403, a worker on a job a 409.
/// </summary>
public static class MerchantWorkerEndpoints
{
    public sealed record StatusRequest(string? Status);

    public static RouteGroupBuilder MapMerchantWorkerEndpoints(this RouteGroupBuilder api)
    {
        var workers = api.MapGroup("/merchant/workers").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantAdmin);
        workers.MapGet("/{workerId}", async (string workerId, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            await grains.GetGrain<IWorkerGrain>(workerId).Get() is { } view && view.MerchantId == Merchant(user)
                ? (Results<Ok<WorkerView>, ProblemHttpResult>)TypedResults.Ok(view)
                : Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]));
        workers.MapPost("/{workerId}/status", SetStatus);
        return api;
    }

    private static async Task<Results<Ok<WorkerView>, ValidationProblem, ProblemHttpResult>> SetStatus(string workerId, StatusRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!Enum.TryParse<WorkerStatus>(body.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["status"] = ["unknown"] }, "worker");
        if (workerId.Length > 32) return Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
        var result = await grains.GetGrain<IWorkerGrain>(workerId).SetStatus(Merchant(user), status, $"merchant:{Merchant(user)}");
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return result.Errors!.Values.First()[0] switch
        {
            "not-your-worker" => Problems.Status(403, ProblemTypes.Forbidden, text["order.not-your-worker"]),
            "worker-busy" => Problems.Status(409, ProblemTypes.Conflict, text["worker.on-job"]),
            _ => Problems.Validation(text, new Dictionary<string, string[]> { ["status"] = ["not-by-hand"] }, "worker"),
        };
    }

    private static string Merchant(ClaimsPrincipal user) => user.Find(HomeServiceClaims.MerchantId) ?? "";
}
