using System.Security.Claims;
using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>接口密钥: keys for the telephony adapter and partner systems; issue, rotate with an overlap, revoke. Admins only.</summary>
public static class KeyEndpoints
{
    public sealed record KeyDetails(string KeyId, string Name, string Kind, string? PartnerId, string State, DateTimeOffset? IssuedAt,
        DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt, string? RevokedReason, string? RotatedTo, string? RotatedFrom, DateTimeOffset? LastUsedAt);

    /// <summary>kind: "telephony" or "partner" (then partnerId, 2-40 of a-z 0-9 - _). expiresAt: optional, in the future.</summary>
    public sealed record NewKey(string? Name, string? Kind, string? PartnerId, DateTimeOffset? ExpiresAt);

    /// <summary>overlapMinutes: how long the old key keeps working, 0 to 43200 (30 days). expiresAt: the new key's, optional.</summary>
    public sealed record Rotation(int? OverlapMinutes, DateTimeOffset? ExpiresAt);

    public sealed record Revocation(string? Reason);

    /// <summary>The whole key, to send as "X-Api-Key", is in this answer only; only its hash is kept.</summary>
    public sealed record IssuedKey(KeyDetails Key, string ApiKey);

    public static RouteGroupBuilder MapKeyEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/keys").RequireAuthorization(Policies.Admin).WithTags("Back office: API keys");
        group.MapGet("/", List);
        group.MapGet("/{keyId}", Get);
        group.MapPost("/", Issue);
        group.MapPost("/{keyId}/rotate", Rotate);
        group.MapPost("/{keyId}/revoke", Revoke);
        return api;
    }

    private static async Task<Ok<KeyReader.KeyPage>> List(KeyReader keys, string? q, string? kind, string? state, int? page) =>
        TypedResults.Ok(await keys.List(q is { Length: > 64 } ? q[..64] : q, kind, state, page ?? 1));

    private static async Task<Results<Ok<KeyDetails>, ProblemHttpResult>> Get(string keyId, KeyCommands commands, TimeProvider clock) =>
        await commands.Find(keyId) is { } key ? TypedResults.Ok(Details(key, clock.GetUtcNow())) : NotFound();

    private static async Task<Results<Created<IssuedKey>, ValidationProblem>> Issue(NewKey body, ClaimsPrincipal user, KeyCommands commands,
        UiText text, TimeProvider clock, HttpResponse response)
    {
        var outcome = await commands.Issue(user, body.Name, body.Kind, body.PartnerId, body.ExpiresAt);
        if (!outcome.Succeeded) return Problems.Validation(text, outcome.Errors!, "key");
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/admin/keys/{outcome.Key!.KeyId}", new IssuedKey(Details(outcome.Key, clock.GetUtcNow()), outcome.ApiKey!));
    }

    private static async Task<Results<Created<IssuedKey>, ValidationProblem, ProblemHttpResult>> Rotate(string keyId, Rotation body,
        ClaimsPrincipal user, KeyCommands commands, UiText text, TimeProvider clock, HttpResponse response)
    {
        var outcome = await commands.Rotate(user, keyId, body.OverlapMinutes, body.ExpiresAt);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded) return Problems.Validation(text, outcome.Errors!, "key");
        response.Headers.CacheControl = "no-store";
        return TypedResults.Created($"/api/admin/keys/{outcome.Key!.KeyId}", new IssuedKey(Details(outcome.Key, clock.GetUtcNow()), outcome.ApiKey!));
    }

    private static async Task<Results<Ok<KeyDetails>, ValidationProblem, ProblemHttpResult>> Revoke(string keyId, Revocation body,
        ClaimsPrincipal user, KeyCommands commands, UiText text, TimeProvider clock)
    {
        var outcome = await commands.Revoke(user, keyId, body.Reason);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded) return Problems.Validation(text, outcome.Errors!, "key");
        return TypedResults.Ok(Details(outcome.Key!, clock.GetUtcNow()));
    }

    public static KeyDetails Details(ApiKeyView k, DateTimeOffset now) => new(k.KeyId, k.Name, k.Kind, k.PartnerId,
        KeyStanding.Of(k.RevokedAt, k.ExpiresAt, now), k.IssuedAt, k.ExpiresAt, k.RevokedAt, k.RevokedReason, k.RotatedTo, k.RotatedFrom, k.LastUsedAt);

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such API key.");
}
