using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.Web.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// Photos on a member's rating (服务评定): the member uploads each one for their own order first (JPEG or PNG by the
/// first bytes, at most 5 MB, re-encoded, so where and on what it was taken is gone), then lists the ids in the rating. They are
/// shown publicly with the review on the merchant's page, so nothing is served until a review lists the photo.
/// </summary>
public static class RatingPhotoEndpoints
{
    public const int MaxPhotoBytes = UploadStore.MaxBytes;

    public sealed record Uploaded(Guid Id);

    public static RouteGroupBuilder MapRatingPhotoEndpoints(this RouteGroupBuilder api)
    {
        // A multipart post carries no antiforgery token here; the sign-in cookie is SameSite=Lax, so another site's form cannot post as the member.
        api.MapPost("/member/orders/{orderNo}/rating/photos", Upload).WithTags("Member center").RequireAuthorization(Policies.Resident)
            .DisableAntiforgery().WithMetadata(new RequestSizeLimitAttribute(MaxPhotoBytes + 64 * 1024));
        return api;
    }

    /// <summary>A review's photo, for anyone (GET /reviews/photos/{fileId}); a file no review lists is not found.</summary>
    public static IEndpointRouteBuilder MapPublicReviewPhoto(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reviews/photos/{fileId:guid}", async (Guid fileId, ReviewPhotoStore photos, HttpResponse response) =>
        {
            if (await photos.Public(fileId) is not { } photo) return Results.NotFound();
            // A file's bytes never change under its id; a week bounds how long a copy outlives a review taken down.
            response.Headers.CacheControl = "public, max-age=604800, immutable";
            InlineFile.Headers(response, InlineFile.PhotoName(fileId.ToString("N"), photo.ContentType));
            return Results.File(photo.Content, photo.ContentType);
        }).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The form is read here rather than bound, so a request that is not multipart still meets the ownership check first and then a problem.</summary>
    private static async Task<Results<Created<Uploaded>, ValidationProblem, ProblemHttpResult>> Upload(string orderNo, HttpRequest request,
        ClaimsPrincipal user, IGrainFactory grains, UploadStore store, ReviewPhotoStore photos, UiText text)
    {
        if (!await MemberOrderEndpoints.Owns(user, orderNo, grains)) return MemberOrderEndpoints.NoSuchOrder(text);
        if (await photos.Uploads(orderNo) >= ReviewPhotoStore.MaxUploadsPerOrder) return Invalid(text, $"upload-limit:{ReviewPhotoStore.MaxUploadsPerOrder}");
        var (file, unreadable) = await PhotoForm.File(request);
        if (unreadable) return Invalid(text, "format");
        if (file is null || file.Length == 0) return Invalid(text, "required");
        if (file.Length > MaxPhotoBytes) return Invalid(text, "too-large:5 MB");
        await using var stream = file.OpenReadStream();
        var content = new byte[file.Length];
        await stream.ReadExactlyAsync(content);
        var photo = UploadCheck.Photo(content);
        if (photo.Error is { } error) return Invalid(text, error);
        var (clean, kind) = (photo.Content!, photo.ContentType!);
        var id = await store.Save(ReviewPhotoStore.Purpose, $"{orderNo}{(kind == "image/png" ? ".png" : ".jpg")}", kind, clean,
            claimedBy: ReviewPhotoStore.ClaimOf(orderNo));
        // No address yet: the photo is served only once the rating that lists it is the order's review.
        return TypedResults.Created((string?)null, new Uploaded(id));
    }

    private static ValidationProblem Invalid(UiText text, string code) =>
        Problems.Validation(text, new Dictionary<string, string[]> { ["file"] = [code] }, "photo");
}
