using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HomeService.Web.Data;

/// <summary>
/// Short-lived signed links to play a call's recording. A link names the call and the login it was made for and runs
/// out after <see cref="Lifetime"/> (5 minutes by default), sealed by ASP.NET Core Data Protection (authenticated
/// encryption, keys from the shared key ring, so any web host honours any host's link). A link copied into a chat or a
/// log stops working soon, cannot be edited to reach another call, and does nothing for another login. The pages get
/// links from the API, which checks the role and the ownership of the call first.
/// </summary>
public sealed class RecordingLinks(IDataProtectionProvider protection, TimeSpan lifetime)
{
    public const string Setting = "HomeService:Recordings:LinkLifetime";
    public const string Parameter = "sig";

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("HomeService.Recordings.PlayLink.v1").ToTimeLimitedDataProtector();

    public TimeSpan Lifetime => lifetime;

    public sealed record Link(string Url, DateTimeOffset ExpiresAt);

    /// <summary>A fresh link for <paramref name="login"/>; the caller has checked they may hear the call.</summary>
    // The expiry is the protector's own clock (the system's), which is what it checks the link against.
    public Link For(string callId, string login) => For(callId, login, DateTimeOffset.UtcNow + lifetime);

    public Link For(string callId, string login, DateTimeOffset expiresAt) =>
        new($"/api/recordings/{Uri.EscapeDataString(callId)}/play?{Parameter}={_protector.Protect(Payload(callId, login), expiresAt)}", expiresAt);

    /// <summary>Whether <paramref name="signature"/> is an unexpired link to this call for this login.</summary>
    public bool Opens(string? signature, string callId, string login)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 1000) return false;
        try
        {
            return CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(_protector.Unprotect(signature)), System.Text.Encoding.UTF8.GetBytes(Payload(callId, login)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false; // altered, expired, or sealed with a key this ring does not have
        }
    }

    // A NUL between the two: neither a call id nor a login may hold one (RequestCharacters refuses it), so no pair reads as another.
    private static string Payload(string callId, string login) => $"{callId}\0{login}";
}
