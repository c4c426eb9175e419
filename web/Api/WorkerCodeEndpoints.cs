using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.Workers;
using Microsoft.AspNetCore.Http.HttpResults;
using QRCoder;

namespace HomeService.Web.Api;

/// <summary>
/// A merchant keeps each worker's credentials (ID checked against its check digit and stored only masked, health
/// certificate, training, background check) and issues the worker's one-person-one-code: a QR code of the public
/// page <c>/w/{token}</c> a resident scans at the door. Reissuing revokes the old code.
/// </summary>
public static class WorkerCodeEndpoints
{
    public sealed record TrainingRequest(string? Name, string? Issuer, DateOnly? On);
    public sealed record CredentialsRequest(string? IdNumber, DateOnly? IdVerifiedOn, DateOnly? HealthCertificateExpires, IReadOnlyList<TrainingRequest>? Trainings,
        bool? BackgroundCheckPassed, DateOnly? BackgroundCheckedOn);

    public static RouteGroupBuilder MapWorkerCodeEndpoints(this RouteGroupBuilder api)
    {
        var workers = api.MapGroup("/merchant/workers/{workerId}").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantDesk);
        workers.MapGet("/profile", async (string workerId, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            workerId.Length <= 32 && await grains.GetGrain<IWorkerGrain>(workerId).GetProfile(user.MerchantOf()) is { } profile
                ? (Results<Ok<WorkerProfile>, ProblemHttpResult>)TypedResults.Ok(profile)
                : Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]));
        workers.MapPut("/credentials", RecordCredentials);
        workers.MapPost("/code", (string workerId, ClaimsPrincipal user, IGrainFactory grains, UiText text) => SetCode(workerId, true, user, grains, text));
        workers.MapDelete("/code", (string workerId, ClaimsPrincipal user, IGrainFactory grains, UiText text) => SetCode(workerId, false, user, grains, text));
        workers.MapGet("/code.png", CodeImage);
        return api;
    }

    private static async Task<Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult>> RecordCredentials(string workerId, CredentialsRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (workerId.Length > 32) return Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
        var update = new CredentialsUpdate(body.IdNumber, body.IdVerifiedOn, body.HealthCertificateExpires,
            (body.Trainings ?? []).Select(t => new Training(t.Name ?? "", t.Issuer ?? "", t.On ?? DateOnly.MinValue)).ToList(),
            body.BackgroundCheckPassed, body.BackgroundCheckedOn);
        if (update.Trainings.Any(t => t.On == DateOnly.MinValue))
            return Problems.Validation(text, new Dictionary<string, string[]> { ["trainings"] = ["format"] }, "worker");
        var result = await grains.GetGrain<IWorkerGrain>(workerId).RecordCredentials(user.MerchantOf(), update, $"merchant:{user.MerchantOf()}");
        return Answer(result, text);
    }

    private static async Task<Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult>> SetCode(string workerId, bool issue, ClaimsPrincipal user,
        IGrainFactory grains, UiText text) =>
        workerId.Length > 32
            ? Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"])
            : Answer(await grains.GetGrain<IWorkerGrain>(workerId).SetCode(user.MerchantOf(), issue, $"merchant:{user.MerchantOf()}"), text);

    /// <summary>The QR code of the worker's public page, as a PNG the merchant prints on the worker's badge.</summary>
    private static async Task<IResult> CodeImage(string workerId, ClaimsPrincipal user, IGrainFactory grains, HttpRequest request, UiText text)
    {
        if (workerId.Length > 32 || await grains.GetGrain<IWorkerGrain>(workerId).GetProfile(user.MerchantOf()) is not { CodeToken: { } token })
            return Problems.Status(404, ProblemTypes.NotFound, text["worker.no-code"]);
        var url = $"{request.Scheme}://{request.Host}/w/{token}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return TypedResults.File(new PngByteQRCode(data).GetGraphic(8), "image/png");
    }

    private static Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult> Answer(CommandResult<WorkerProfile> result, UiText text) =>
        result.Succeeded ? TypedResults.Ok(result.Value!)
        : result.Errors!.TryGetValue("workerId", out var codes) && codes.Contains("not-your-worker")
            ? Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"])
            : Problems.Validation(text, result.Errors!, "worker");
}
