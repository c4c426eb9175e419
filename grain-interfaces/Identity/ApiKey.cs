namespace HomeService.Identity;

/// <summary>
/// A partner's or the telephony adapter's key. Only a SHA-256 hash of the secret is kept: keys are long
/// random strings, so a fast hash is safe and lets every request be checked without key stretching.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.ApiKey")]
public sealed record ApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] byte[] SecretHash,
    [property: Id(4)] string? MerchantId,
    [property: Id(5)] bool Revoked);

/// <summary>Keyed by the key id, the public part of a key before its secret.</summary>
[Alias("HomeService.Identity.IApiKeyGrain")]
public interface IApiKeyGrain : IGrainWithStringKey
{
    [Alias("Issue")]
    Task<bool> Issue(ApiKey key, string actor);

    [Alias("Get")]
    Task<ApiKey?> Get();
}
