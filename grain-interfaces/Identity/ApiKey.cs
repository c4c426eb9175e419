namespace HomeService.Identity;

/// <summary>
/// A partner's or the telephony adapter's key, presented as "&lt;KeyId&gt;.&lt;secret&gt;". Only a SHA-256 hash of the secret is
/// kept: keys are long random strings, so a fast hash is safe and lets every request be checked without key stretching.
/// A partner key speaks for <see cref="PartnerId"/>: the partner's orders and webhooks belong to it, not to one key, so a
/// rotated key sees what the old one made. Keys issued before partners had ids speak for their own key id.
/// The key stops working when revoked or at <see cref="ExpiresAt"/> (a rotation moves that to the end of its overlap).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.ApiKey")]
public sealed record ApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] byte[] SecretHash,
    [property: Id(4)] string? MerchantId,
    [property: Id(5)] bool Revoked,
    [property: Id(6)] string? PartnerId = null,
    [property: Id(7)] DateTimeOffset? ExpiresAt = null,
    [property: Id(8)] DateTimeOffset? IssuedAt = null,
    [property: Id(9)] DateTimeOffset? RevokedAt = null,
    [property: Id(10)] string? RevokedReason = null,
    [property: Id(11)] string? RotatedTo = null,
    [property: Id(12)] string? RotatedFrom = null);

/// <summary>What an administrator (or the demo seeder) asks for when a key is issued; the secret's hash travels beside it.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.ApiKeyRequest")]
public sealed record ApiKeyRequest(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? PartnerId,
    [property: Id(3)] DateTimeOffset? ExpiresAt,
    [property: Id(4)] string? RotatedFrom = null);

/// <summary>A rotation: the new key's id and hash, how long the old key keeps working, and the new key's own expiry.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.ApiKeyRotation")]
public sealed record ApiKeyRotation(
    [property: Id(0)] string NewKeyId,
    [property: Id(1)] byte[] NewSecretHash,
    [property: Id(2)] TimeSpan Overlap,
    [property: Id(3)] DateTimeOffset? NewExpiresAt);

/// <summary>A key as the back office shows it: everything but the hash, with the last use the grain holds in memory.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.ApiKeyView")]
public sealed record ApiKeyView(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? PartnerId,
    [property: Id(4)] DateTimeOffset? IssuedAt,
    [property: Id(5)] DateTimeOffset? ExpiresAt,
    [property: Id(6)] DateTimeOffset? RevokedAt,
    [property: Id(7)] string? RevokedReason,
    [property: Id(8)] string? RotatedTo,
    [property: Id(9)] string? RotatedFrom,
    [property: Id(10)] DateTimeOffset? LastUsedAt);

/// <summary>Who a good key speaks for: what the web host puts in the request's claims.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.ApiKeyIdentity")]
public sealed record ApiKeyIdentity(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? PartnerId,
    [property: Id(4)] string? MerchantId);

/// <summary>Keyed by the key id, the public part of a key before its secret.</summary>
[Alias("HomeService.Identity.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    /// <summary>
    /// Issues the key under this grain's id with the given secret hash; field errors for a bad name, kind, partner id or
    /// expiry, or an id that is taken. The back office and the demo seeder both issue through here.
    /// </summary>
    [Alias("Issue")]
    Task<CommandResult<ApiKeyView>> Issue(ApiKeyRequest request, byte[] secretHash, string actor);

    /// <summary>
    /// Issues a new key for the same name, kind and partner, and lets this one work only until now plus the overlap
    /// (or its own earlier expiry). Answers with the new key.
    /// </summary>
    [Alias("Rotate")]
    Task<CommandResult<ApiKeyView>> Rotate(ApiKeyRotation rotation, string actor);

    /// <summary>Refuses the key from now on, with the reason for the audit log. Revoking a revoked key changes nothing.</summary>
    [Alias("Revoke")]
    Task<CommandResult<ApiKeyView>> Revoke(string reason, string actor);

    /// <summary>The key as the back office shows it, or null if there is none.</summary>
    [Alias("Get")]
    Task<ApiKeyView?> Get();

    /// <summary>
    /// Checks a presented secret's hash on a request: the key's identity if it is known, unrevoked, unexpired and the hash
    /// matches, else null. A good use is remembered in memory as the last use and written out about once a minute.
    /// </summary>
    [Alias("Authenticate")]
    Task<ApiKeyIdentity?> Authenticate(byte[] secretHash);
}
