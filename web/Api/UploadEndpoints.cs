using HomeService.Web.Data;
using HomeService.Web.Localization;
using HomeService.Web.Uploads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// Uploads a qualification document for a merchant application (multipart, one file named "file"). The answer's id goes into
/// the application's document list. Anonymous like the application itself; size and type are checked here, a picture is
/// re-encoded and a PDF must parse and carry no script or attachment (<see cref="UploadCheck"/>).
/// </summary>
public static class UploadEndpoints
{
    public sealed record Uploaded(Guid FileId, string FileName, string ContentType, int SizeBytes);

    public static RouteGroupBuilder MapUploadEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/merchant-applications/documents", Upload).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(Doors.Door.DocumentUpload).WithTags("Merchant admission")
            .WithMetadata(new RequestSizeLimitAttribute(UploadStore.MaxBytes + 64 * 1024));
        return api;
    }

    private static async Task<Results<Created<Uploaded>, ValidationProblem>> Upload(IFormFile? file, UploadStore store, UiText text)
    {
        if (file is null || file.Length == 0) return Invalid(text, "required");
        if (file.Length > UploadStore.MaxBytes) return Invalid(text, "too-large:5 MB");
        await using var stream = file.OpenReadStream();
        var content = new byte[file.Length];
        await stream.ReadExactlyAsync(content);
        var checkedUpload = UploadCheck.Document(content);
        if (checkedUpload.Error is { } error) return Invalid(text, error);
        var (kept, kind) = (checkedUpload.Content!, checkedUpload.ContentType!);
        var name = Path.GetFileName(file.FileName ?? "document");
        if (name.Length > 100) name = name[^100..];
        var id = await store.Save("merchant-application", name, kind, kept);
        return TypedResults.Created($"/api/merchant-applications/documents/{id}", new Uploaded(id, name, kind, kept.Length));
    }

    private static ValidationProblem Invalid(UiText text, string code) =>
        Problems.Validation(text, new Dictionary<string, string[]> { ["file"] = [code] }, "upload");
}
