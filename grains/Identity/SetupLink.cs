using System.Security.Cryptography;
using System.Text;

namespace HomeService.Identity;

/// <summary>
/// What an account keeps of its set-password link: the secret's SHA-256 (a 256-bit random secret needs no key stretching),
/// when it expires and when it was used. A link sets a password once.
/// </summary>
public sealed record SetupLink(string SecretHash, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null)
{
    /// <summary>A fresh secret for the SMS and the hash to keep.</summary>
    public static (string Secret, string Hash) NewSecret()
    {
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (secret, Hash(secret));
    }

    public static string Hash(string secret) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether the secret opens this link now; the hashes are compared in constant time.</summary>
    public SetupLinkOutcome Check(string secret, DateTimeOffset now) =>
        !CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(Hash(secret)), Convert.FromBase64String(SecretHash)) ? SetupLinkOutcome.Invalid
        : UsedAt is not null ? SetupLinkOutcome.Used
        : now >= ExpiresAt ? SetupLinkOutcome.Expired
        : SetupLinkOutcome.Good;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>How long a set-password link stays good, from <c>HomeService:Accounts:SetupLinkLifetime</c>.</summary>
public sealed record AccountSetupPolicy
{
    /// <summary>Three days: enough for a company to open its SMS over a weekend, short enough that a forwarded link goes stale.</summary>
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromDays(3);
}
