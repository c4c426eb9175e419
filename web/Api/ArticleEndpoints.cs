using System.Security.Claims;
using HomeService.Articles;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// The information center's back office (信息中心): admins write news, notices, policies and FAQ entries in Markdown,
/// keep them as drafts, publish them and take them down. The public reads them on /news and /faq, not through this API.
/// </summary>
public static class ArticleEndpoints
{
    /// <summary>Kind: news, notice, policy or faq. Markdown: the body, up to 20,000 characters.</summary>
    public sealed record ArticleRequest(string? Kind, string? Title, string? Summary, [property: LongText(ArticleLimits.Markdown)] string? Markdown);

    public static RouteGroupBuilder MapArticleEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/articles").WithTags("Information center").RequireAuthorization(Policies.Admin);
        admin.MapGet("", async (string? kind, ArticleReader reader) => TypedResults.Ok(await reader.AdminList(ArticleKinds.IsKnown(kind) ? kind : null)));
        admin.MapGet("/{articleId}", Get);
        admin.MapPost("", Create);
        admin.MapPut("/{articleId}", Edit);
        admin.MapPost("/{articleId}/publish", (string articleId, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Run(articleId, grains, text, g => g.Publish(Actor(user))));
        admin.MapPost("/{articleId}/unpublish", (string articleId, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            Run(articleId, grains, text, g => g.Unpublish(Actor(user))));
        return api;
    }

    private static async Task<Results<Ok<ArticleView>, ProblemHttpResult>> Get(string articleId, IGrainFactory grains, UiText text) =>
        IsId(articleId) && await grains.GetGrain<IArticleGrain>(articleId).Get() is { } view
            ? TypedResults.Ok(view)
            : Problems.Status(404, ProblemTypes.NotFound, text["article.unknown"]);

    private static async Task<Results<Created<ArticleView>, ValidationProblem>> Create(ArticleRequest body, ClaimsPrincipal user, IGrainFactory grains,
        UiText text)
    {
        var result = await grains.GetGrain<IArticleRegistryGrain>(0).Create(Draft(body), Actor(user));
        return result.Succeeded
            ? TypedResults.Created($"/api/admin/articles/{result.Value!.Id}", result.Value)
            : Problems.Validation(text, result.Errors!, "article");
    }

    private static Task<Results<Ok<ArticleView>, ValidationProblem, ProblemHttpResult>> Edit(string articleId, ArticleRequest body, ClaimsPrincipal user,
        IGrainFactory grains, UiText text) =>
        Run(articleId, grains, text, g => g.Edit(Draft(body), Actor(user)));

    private static async Task<Results<Ok<ArticleView>, ValidationProblem, ProblemHttpResult>> Run(string articleId, IGrainFactory grains, UiText text,
        Func<IArticleGrain, Task<CommandResult<ArticleView>>> command)
    {
        if (!IsId(articleId)) return Problems.Status(404, ProblemTypes.NotFound, text["article.unknown"]);
        var result = await command(grains.GetGrain<IArticleGrain>(articleId));
        if (result.Succeeded) return TypedResults.Ok(result.Value!);
        if (result.Errors!.TryGetValue("id", out var codes) && codes.Contains("unknown"))
            return Problems.Status(404, ProblemTypes.NotFound, text["article.unknown"]);
        return Problems.Validation(text, result.Errors!, "article");
    }

    private static ArticleDraft Draft(ArticleRequest body) => new(body.Kind ?? "", body.Title ?? "", body.Summary ?? "", body.Markdown ?? "");

    /// <summary>Article ids are an A and digits; anything else names no article (and never reaches a grain).</summary>
    private static bool IsId(string id) => id.Length is >= 2 and <= 20 && id[0] == 'A' && id.Skip(1).All(char.IsAsciiDigit);

    private static string Actor(ClaimsPrincipal user) => $"admin:{user.Identity!.Name}";
}
