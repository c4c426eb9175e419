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
    public sealed record DetailsRequest(string? Name, string? Phone, IReadOnlyList<string>? Skills, IReadOnlyList<string>? Languages, int? YearsOfExperience);
    public sealed record DeactivateRequest(string? Reason);

    public static RouteGroupBuilder MapMerchantWorkerEndpoints(this RouteGroupBuilder api)
    {
        var workers = api.MapGroup("/merchant/workers").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantDesk);
        workers.MapGet("/{workerId}", async (string workerId, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            await grains.GetGrain<IWorkerGrain>(workerId).Get() is { } view && view.MerchantId == user.MerchantOf()
                ? (Results<Ok<WorkerView>, ProblemHttpResult>)TypedResults.Ok(view)
                : Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]));
        workers.MapPost("/{workerId}/status", SetStatus);
        workers.MapGet("", async (string? q, string? status, string? skill, bool? active, ClaimsPrincipal user, Data.StaffReader reader) =>
            TypedResults.Ok(await reader.List(user.MerchantOf(), q, status, skill, active)));
        workers.MapPost("", async (DetailsRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Created(await grains.GetGrain<IWorkerRegistryGrain>(0).Register(user.MerchantOf(), Details(body), $"merchant:{user.MerchantOf()}"), text));
        workers.MapPut("/{workerId}", async (string workerId, DetailsRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            workerId.Length > 32 ? NotFound(text) : Answer(await grains.GetGrain<IWorkerGrain>(workerId).Edit(user.MerchantOf(), Details(body), $"merchant:{user.MerchantOf()}"), text));
        workers.MapPost("/{workerId}/deactivate", async (string workerId, DeactivateRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            workerId.Length > 32 ? NotFound(text)
            : string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500
                ? Problems.Validation(text, new Dictionary<string, string[]> { ["reason"] = [string.IsNullOrWhiteSpace(body.Reason) ? "required" : "max_length:500"] }, "worker")
                : Answer(await Deactivate(workerId, body.Reason.Trim(), user, grains), text));
        return api;
    }

    private static async Task<Results<Ok<WorkerView>, ValidationProblem, ProblemHttpResult>> SetStatus(string workerId, StatusRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!Enum.TryParse<WorkerStatus>(body.Status, ignoreCase: false, out var status) || !Enum.IsDefined(status))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["status"] = ["unknown"] }, "worker");
        if (workerId.Length > 32) return Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
        var result = await grains.GetGrain<IWorkerGrain>(workerId).SetStatus(user.MerchantOf(), status, $"merchant:{user.MerchantOf()}");
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        return result.Errors!.Values.First()[0] switch
        {
            "not-your-worker" => Problems.Status(403, ProblemTypes.Forbidden, text["order.not-your-worker"]),
            "worker-busy" => Problems.Status(409, ProblemTypes.Conflict, text["worker.on-job"]),
            _ => Problems.Validation(text, new Dictionary<string, string[]> { ["status"] = ["not-by-hand"] }, "worker"),
        };
    }

    /// <summary>A worker who leaves the company can no longer sign in: their login, if they have one, is disabled with them.</summary>
    private static async Task<CommandResult<WorkerProfile>> Deactivate(string workerId, string reason, ClaimsPrincipal user, IGrainFactory grains)
    {
        var actor = $"merchant:{user.MerchantOf()}";
        var result = await grains.GetGrain<IWorkerGrain>(workerId).Deactivate(user.MerchantOf(), reason, actor);
        if (result.Succeeded) await grains.GetGrain<Identity.IMerchantLoginsGrain>(user.MerchantOf()).WorkerDeactivated(workerId, actor);
        return result;
    }

    private static WorkerDetails Details(DetailsRequest body) =>
        new(body.Name ?? "", body.Phone ?? "", body.Skills ?? [], body.Languages ?? [], body.YearsOfExperience ?? 0);

    private static Results<Created<WorkerProfile>, ValidationProblem> Created(CommandResult<WorkerProfile> result, UiText text) =>
        result.Succeeded
            ? TypedResults.Created($"/api/merchant/workers/{result.Value!.Worker.WorkerId}/profile", result.Value)
            : Problems.Validation(text, result.Errors!, "worker");

    private static Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult> Answer(CommandResult<WorkerProfile> result, UiText text) =>
        result.Succeeded ? TypedResults.Ok(result.Value!)
        : result.Errors!.TryGetValue("workerId", out var codes) && codes.Contains("not-your-worker") ? Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"])
        : result.Errors!.TryGetValue("workerId", out var busy) && busy.Contains("worker-busy") ? Problems.Status(409, ProblemTypes.Conflict, text["worker.on-job"])
        : Problems.Validation(text, result.Errors!, "worker");

    private static Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult> NotFound(UiText text) =>
        Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
}
