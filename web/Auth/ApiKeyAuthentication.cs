using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using HomeService.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HomeService.Web.Auth;

/// <summary>
/// "X-Api-Key: &lt;id&gt;.&lt;secret&gt;" for partner systems and the telephony adapter. The id finds the key's
/// grain (in memory after the first call), which compares the secret's SHA-256 in constant time, checks that the key is
/// neither revoked nor expired, and notes the use.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    /// <summary>Key ids are short and plain, so garbage never reaches (or activates) a grain.</summary>
    public static bool IsKeyId(ReadOnlySpan<char> id)
    {
        if (id.Length is < 3 or > 40) return false;
        foreach (var c in id) if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_') return false;
        return true;
    }

    /// <summary>What a key grain keeps of a secret: its SHA-256 (the demo seeder hashes the configured demo keys the same way).</summary>
    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        var presented = values.ToString();
        var dot = presented.IndexOf('.');
        if (dot <= 0 || dot == presented.Length - 1 || presented.Length > 200 || !IsKeyId(presented.AsSpan(0, dot)))
            return AuthenticateResult.Fail("Malformed API key.");

        // No cache here: the key grain answers every request, so a revoke or an expiry holds on every web host at once.
        var hash = HashSecret(presented[(dot + 1)..]);
        if (await grains.GetGrain<IApiKeyGrain>(presented[..dot]).Authenticate(hash) is not { } key)
            return AuthenticateResult.Fail("Unknown, expired or revoked API key.");

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, $"apikey:{key.KeyId}"),
            new(ClaimTypes.Name, key.Name),
            new(HomeServiceClaims.ApiKeyKind, key.Kind),
        };
        if (key.PartnerId is not null) claims.Add(new(HomeServiceClaims.PartnerId, key.PartnerId));
        if (key.MerchantId is not null) claims.Add(new(HomeServiceClaims.MerchantId, key.MerchantId));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}
