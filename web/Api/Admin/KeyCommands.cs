using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using HomeService.Identity;
using HomeService.Web.Auth;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// The back office's API key commands, shared by the admin API and the admin page. Here the key is made: a random id and
/// secret, of which only the secret's SHA-256 reaches the key grain; the whole key is in the answer once and never again.
/// </summary>
public sealed class KeyCommands(IGrainFactory grains)
{
    public const int MaxOverlapMinutes = 30 * 24 * 60;

    public sealed record Outcome(ApiKeyView? Key, IReadOnlyDictionary<string, string[]>? Errors, string? ApiKey = null)
    {
        public bool Succeeded => Errors is null || Errors.Count == 0;
        public bool NotFound => Errors is { } e && e.TryGetValue("keyId", out var codes) && codes.Contains("unknown");
    }

    public async Task<Outcome> Issue(ClaimsPrincipal admin, string? name, string? kind, string? partnerId, DateTimeOffset? expiresAt)
    {
        var (id, secret) = NewKey();
        var result = await grains.GetGrain<IApiKeyGrain>(id)
            .Issue(new ApiKeyRequest(name ?? "", kind ?? "", partnerId, expiresAt), ApiKeyAuthentication.HashSecret(secret), AccountCommands.Actor(admin));
        return result.Succeeded ? new(result.Value, null, $"{id}.{secret}") : new(null, result.Errors);
    }

    /// <summary>A new key for the same name, kind and partner; the old one works for <paramref name="overlapMinutes"/> more.</summary>
    public async Task<Outcome> Rotate(ClaimsPrincipal admin, string keyId, int? overlapMinutes, DateTimeOffset? expiresAt)
    {
        if (!ApiKeyAuthentication.IsKeyId(keyId)) return Invalid("keyId", "unknown");
        if (overlapMinutes is not { } minutes) return Invalid("overlapMinutes", "required");
        if (minutes is < 0 or > MaxOverlapMinutes) return Invalid("overlapMinutes", $"range:0-{MaxOverlapMinutes}");
        var (id, secret) = NewKey();
        var result = await grains.GetGrain<IApiKeyGrain>(keyId).Rotate(
            new ApiKeyRotation(id, ApiKeyAuthentication.HashSecret(secret), TimeSpan.FromMinutes(minutes), expiresAt), AccountCommands.Actor(admin));
        return result.Succeeded ? new(result.Value, null, $"{id}.{secret}") : new(null, result.Errors);
    }

    public async Task<Outcome> Revoke(ClaimsPrincipal admin, string keyId, string? reason)
    {
        if (!ApiKeyAuthentication.IsKeyId(keyId)) return Invalid("keyId", "unknown");
        var result = await grains.GetGrain<IApiKeyGrain>(keyId).Revoke(reason ?? "", AccountCommands.Actor(admin));
        return new(result.Value, result.Errors);
    }

    /// <summary>The key with its last use as its grain knows it (newer than the list's, which is written about once a minute).</summary>
    public async Task<ApiKeyView?> Find(string keyId) =>
        ApiKeyAuthentication.IsKeyId(keyId) ? await grains.GetGrain<IApiKeyGrain>(keyId).Get() : null;

    /// <summary>"k" and 12 hex digits for the id, 32 random bytes (base64url) for the secret.</summary>
    private static (string Id, string Secret) NewKey() =>
        ("k" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)), Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));

    private static Outcome Invalid(string field, string code) => new(null, new Dictionary<string, string[]> { [field] = [code] });
}
