namespace HomeService.Web.Data.Admin;

/// <summary>
/// Where a key stands, as the back office lists it: active; expiring (it still works but ends within a week, which is also
/// a rotated key in its overlap); expired; or revoked. The key grain alone decides whether a request gets in.
/// </summary>
public static class KeyStanding
{
    public const string Active = "active";
    public const string Expiring = "expiring";
    public const string Expired = "expired";
    public const string Revoked = "revoked";

    public static readonly IReadOnlyList<string> All = [Active, Expiring, Expired, Revoked];
    public static readonly TimeSpan ExpiringWithin = TimeSpan.FromDays(7);

    public static string Of(DateTimeOffset? revokedAt, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        revokedAt is not null ? Revoked
        : expiresAt is not { } end ? Active
        : end <= now ? Expired
        : end <= now + ExpiringWithin ? Expiring
        : Active;
}
