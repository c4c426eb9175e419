using System.Security.Claims;
using HomeService.Merchants;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Merchant admission and exit (加盟 / 准入与退出): a company applies online without an account; admins review
/// applications, put merchants on the red list (honour: ranked higher in dispatch) or the black list (ban: suspended), suspend a
/// merchant by hand (暂停接单), and confirm an exit or resume a suspended merchant. Every decision needs a reason.
/// </summary>
public static class MerchantAdmissionEndpoints
{
    /// <summary>FileId: what POST /api/merchant-applications/documents answered for the uploaded file.</summary>
    public sealed record DocumentRequest(string? Kind, string? Name, DateOnly? ValidUntil, Guid? FileId);
    public sealed record ApplicationRequest(string? Name, string? CreditCode, string? LegalPerson, string? ContactName, string? ContactPhone,
        string? Address, string? District, IReadOnlyList<string>? Categories, IReadOnlyList<string>? Districts, IReadOnlyList<DocumentRequest>? Documents);
    public sealed record ReviewRequest(bool? Approve, string? Reason);
    public sealed record ListRequest(string? List, string? Reason);
    public sealed record SuspensionRequest(bool? Exit, string? Reason);
    public sealed record SuspendRequest(string? Reason);

    public static RouteGroupBuilder MapMerchantAdmissionEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/merchant-applications", Apply).AllowAnonymous().WithTags("Merchant admission");
        var admin = api.MapGroup("/admin/merchants").WithTags("Merchant admission").RequireAuthorization(Policies.Admin);
        admin.MapGet("", async (string? status, MerchantAdmissionReader reader) => TypedResults.Ok(await reader.List(status)));
        admin.MapGet("/{merchantId}/history", async (string merchantId, MerchantAdmissionReader reader) => TypedResults.Ok(await reader.History(merchantId)));
        admin.MapGet("/{merchantId}/application", Application);
        admin.MapGet("/{merchantId}/documents/{id:guid}", Document);
        admin.MapPost("/{merchantId}/review", Review);
        admin.MapPost("/{merchantId}/list", SetList);
        admin.MapPost("/{merchantId}/suspension", DecideSuspension);
        admin.MapPost("/{merchantId}/suspend", Suspend);
        return api;
    }

    private static async Task<Results<Created<MerchantView>, ValidationProblem>> Apply(ApplicationRequest body, IGrainFactory grains, UiText text)
    {
        var application = new MerchantApplication(body.Name ?? "", body.CreditCode ?? "", body.LegalPerson ?? "", body.ContactName ?? "",
            body.ContactPhone ?? "", body.Address ?? "", body.District ?? "", body.Categories ?? [], body.Districts ?? [],
            (body.Documents ?? []).Select(d => new QualificationDocument(d.Kind ?? "", d.Name ?? "", d.FileId?.ToString(), d.ValidUntil)).ToList());
        var result = await grains.GetGrain<IMerchantRegistryGrain>(0).Apply(application, "public:application");
        return result.Succeeded
            ? TypedResults.Created($"/api/admin/merchants/{result.Value!.MerchantId}/history", result.Value)
            : Problems.Validation(text, result.Errors!, "merchant");
    }

    private static Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> Review(string merchantId, ReviewRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        body.Approve is not { } approve ? Invalid(text, "approve", "required")
        : ReasonProblem(body.Reason) is { } problem ? Invalid(text, "reason", problem)
        : Run(merchantId, grains, text, g => g.Review(approve, body.Reason!.Trim(), Actor(user)));

    private static Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> SetList(string merchantId, ListRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (body.List is not (null or "red" or "black")) return Invalid(text, "list", "unknown");
        IndustryList? list = body.List switch { "red" => IndustryList.Red, "black" => IndustryList.Black, _ => null }; // null takes it off
        return ReasonProblem(body.Reason) is { } problem ? Invalid(text, "reason", problem)
            : Run(merchantId, grains, text, g => g.SetList(list, body.Reason!.Trim(), Actor(user)));
    }

    private static Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> DecideSuspension(string merchantId, SuspensionRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        body.Exit is not { } exit ? Invalid(text, "exit", "required")
        : ReasonProblem(body.Reason) is { } problem ? Invalid(text, "reason", problem)
        : Run(merchantId, grains, text, g => g.DecideSuspension(exit, body.Reason!.Trim(), Actor(user)));

    public sealed record NamedCategory(string Code, string Name);
    public sealed record ApplicationAnswer(MerchantAdmissionReader.ApplicationDetail Application, IReadOnlyList<NamedCategory> Categories);

    /// <summary>Everything the company submitted, its categories named in the reader's language, for the review.</summary>
    private static async Task<Results<Ok<ApplicationAnswer>, ProblemHttpResult>> Application(string merchantId, MerchantAdmissionReader reader,
        IGrainFactory grains, UiText text)
    {
        if (merchantId.Length > 32 || await reader.Application(merchantId) is not { } application)
            return Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"]);
        var names = (await grains.GetGrain<HomeService.Catalogue.IServiceCatalogueGrain>(0).GetAll())
            .ToDictionary(c => c.Code, c => UiText.IsEnglish ? c.NameEn : c.NameZh);
        return TypedResults.Ok(new ApplicationAnswer(application,
            application.Categories.Select(c => new NamedCategory(c, names.GetValueOrDefault(c, c))).ToList()));
    }

    /// <summary>
    /// One uploaded document of the merchant's application, for an admin to view inline (images in the page, PDFs in the
    /// browser's viewer). Its type is the one sniffed at upload (PDF, JPEG or PNG); the browser may not sniff another.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Document(string merchantId, Guid id, HttpContext http,
        MerchantAdmissionReader reader, UiText text)
    {
        if (merchantId.Length > 32 || await reader.Document(merchantId, id) is not { } file)
            return Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"]);
        InlineFile.Headers(http.Response, file.FileName);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType);
    }

    private static Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> Suspend(string merchantId, SuspendRequest body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        ReasonProblem(body.Reason) is { } problem ? Invalid(text, "reason", problem)
        : Run(merchantId, grains, text, g => g.Suspend(body.Reason!.Trim(), Actor(user)));

    private static async Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> Run(string merchantId, IGrainFactory grains, UiText text,
        Func<IMerchantGrain, Task<CommandResult<MerchantView>>> command)
    {
        if (merchantId.Length > 32) return Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"]);
        var result = await command(grains.GetGrain<IMerchantGrain>(merchantId));
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        if (result.Errors!.TryGetValue("merchantId", out var codes) && codes.Contains("unknown"))
            return Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"]);
        return Problems.Validation(text, result.Errors!, "merchant");
    }

    /// <summary>A reason is part of every decision (it is shown to the merchant and kept in the history): required, at most 500 characters.</summary>
    private static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "required" : reason.Trim().Length > 500 ? "max_length:500" : null;

    private static Task<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>> Invalid(UiText text, string field, string code) =>
        Task.FromResult<Results<Ok<MerchantView>, ValidationProblem, ProblemHttpResult>>(
            Problems.Validation(text, new Dictionary<string, string[]> { [field] = [code] }, "merchant"));

    private static string Actor(ClaimsPrincipal user) => $"admin:{user.Identity!.Name}";
}
