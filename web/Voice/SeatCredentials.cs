using System.Security.Cryptography;
using System.Text;

namespace HomeService.Web.Voice;

/// <summary>A seat's SIP credential: valid until <see cref="ExpiresAt"/>, for its own extension only.</summary>
public sealed record SeatCredential(string Username, string Password, DateTimeOffset ExpiresAt);

/// <summary>
/// Ephemeral SIP credentials as Kamailio's auth_ephemeral checks them (draft-uberti-rtcweb-turn-rest, with SHA-256):
/// the username is "&lt;expiry as Unix seconds&gt;:&lt;extension&gt;" and the password base64(HMAC-SHA256(secret, username)).
/// Nothing is stored: the edge recomputes the password, refuses it after the expiry, and checks the extension
/// against the To of a REGISTER and the From of a call, so a page's credential cannot register another seat.
/// </summary>
public static class SeatCredentials
{
    public static SeatCredential Issue(string secret, string extension, DateTimeOffset now, TimeSpan lifetime)
    {
        if (extension.Contains(':') || extension.Contains('@')) throw new ArgumentException("An extension holds no ':' or '@'.", nameof(extension));
        var expires = (now + lifetime).ToUnixTimeSeconds();
        var username = $"{expires}:{extension}";
        var password = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(username)));
        return new(username, password, DateTimeOffset.FromUnixTimeSeconds(expires));
    }
}
