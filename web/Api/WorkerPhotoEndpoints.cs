using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.Web.Uploads;
using HomeService.Workers;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// A worker's photo (服务人员照片): the merchant uploads it (JPEG or PNG, at most 2 MB, re-encoded so no metadata stays) and it shows on
/// the public code page a resident opens at the door. Also here: admins black-list a worker (red: never sent again).
/// </summary>
public static class WorkerPhotoEndpoints
{
    public const int MaxPhotoBytes = 2 * 1024 * 1024;

    public sealed record WorkerListRequest(bool? BlackListed, string? Reason);

    public static RouteGroupBuilder MapWorkerPhotoEndpoints(this RouteGroupBuilder api)
    {
        var worker = api.MapGroup("/merchant/workers/{workerId}").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantDesk);
        // A multipart post carries no antiforgery token here; the sign-in cookie is SameSite=Lax, so another site's form cannot post as the merchant.
        worker.MapPost("/photo", Upload).DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxPhotoBytes + 64 * 1024));
        worker.MapGet("/photo", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string workerId, ClaimsPrincipal user, UploadStore store,
            UiText text, HttpResponse response) =>
        {
            if (workerId.Length > 32 || await store.WorkerPhoto(user.MerchantOf(), workerId) is not { } photo)
                return Problems.Status(404, ProblemTypes.NotFound, text["worker.no-photo"]);
            InlineFile.Headers(response, InlineFile.PhotoName(workerId, photo.ContentType));
            return TypedResults.File(photo.Content, photo.ContentType);
        });
        api.MapPost("/admin/workers/{workerId}/list", SetList).WithTags("Merchant admission").RequireAuthorization(Policies.Admin);
        return api;
    }

    /// <summary>The public page's photo: anyone with a live code may see it, nobody else (GET /w/{token}/photo).</summary>
    public static IEndpointRouteBuilder MapPublicWorkerPhoto(this IEndpointRouteBuilder app)
    {
        app.MapGet("/w/{token}/photo", async (string token, WorkerCodeReader reader, HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-store"; // a revoked code takes its photo with it
            if (await reader.Photo(token) is not { } photo) return Results.NotFound();
            InlineFile.Headers(response, InlineFile.PhotoName("worker", photo.ContentType));
            return Results.File(photo.Content, photo.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The form is read here rather than bound, so a request that is not multipart still meets the sign-in check first and then a problem.</summary>
    private static async Task<Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult>> Upload(string workerId, HttpRequest request, ClaimsPrincipal user,
        IGrainFactory grains, UploadStore store, UiText text)
    {
        var grain = grains.GetGrain<IWorkerGrain>(workerId);
        if (workerId.Length > 32 || await grain.GetProfile(user.MerchantOf()) is null) return Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
        var (file, unreadable) = await PhotoForm.File(request);
        if (unreadable) return Invalid(text, "format");
        if (file is null || file.Length == 0) return Invalid(text, "required");
        if (file.Length > MaxPhotoBytes) return Invalid(text, "too-large:2 MB");
        await using var stream = file.OpenReadStream();
        var content = new byte[file.Length];
        await stream.ReadExactlyAsync(content);
        var photo = UploadCheck.Photo(content);
        if (photo.Error is { } error) return Invalid(text, error);
        var (clean, kind) = (photo.Content!, photo.ContentType!);
        var id = await store.Save("worker-photo", $"{workerId}{(kind == "image/png" ? ".png" : ".jpg")}", kind, clean, claimedBy: workerId);
        var result = await grain.SetPhoto(user.MerchantOf(), id.ToString(), $"merchant:{user.MerchantOf()}");
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
    }

    private static async Task<Results<Ok<WorkerProfile>, ValidationProblem, ProblemHttpResult>> SetList(string workerId, WorkerListRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.BlackListed is null) errors["blackListed"] = ["required"];
        if (string.IsNullOrWhiteSpace(body.Reason)) errors["reason"] = ["required"];
        else if (body.Reason.Length > 500) errors["reason"] = ["max_length:500"];
        if (errors.Count > 0) return Problems.Validation(text, errors, "worker");
        if (workerId.Length > 32) return Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
        var result = await grains.GetGrain<IWorkerGrain>(workerId).SetBlackListed(body.BlackListed!.Value, body.Reason!.Trim(), $"admin:{user.Identity!.Name}");
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Status(404, ProblemTypes.NotFound, text["worker.unknown"]);
    }

    private static ValidationProblem Invalid(UiText text, string code) =>
        Problems.Validation(text, new Dictionary<string, string[]> { ["file"] = [code] }, "photo");
}
