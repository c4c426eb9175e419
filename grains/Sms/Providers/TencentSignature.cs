using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HomeService.Sms.Providers;

/// <summary>
/// Tencent Cloud API 3.0's TC3-HMAC-SHA256 signature, as its common "signature v3" page publishes it: a canonical request
/// (method, path, query, the signed headers in lower case, the payload's SHA-256), a string to sign with the timestamp
/// and the credential scope (UTC date/service/tc3_request), and a key derived by HMAC-SHA256 from "TC3" + secret through
/// the date, the service and "tc3_request".
/// </summary>
public static class TencentSignature
{
    public const string Algorithm = "TC3-HMAC-SHA256";

    /// <summary>The hex signature, the signed-headers list and the credential scope.</summary>
    public static (string Signature, string SignedHeaders, string Scope) Sign(string service, long timestamp, string method, string path, string query,
        IEnumerable<KeyValuePair<string, string>> headers, string payload, string secret)
    {
        var signed = headers.Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim())).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var signedHeaders = string.Join(';', signed.Select(h => h.Name));
        var canonical = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(string.IsNullOrEmpty(path) ? "/" : path).Append('\n')
            .Append(query).Append('\n');
        foreach (var (name, value) in signed) canonical.Append(name).Append(':').Append(value).Append('\n');
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(payload))));

        var date = DateTimeOffset.FromUnixTimeSeconds(timestamp).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var scope = $"{date}/{service}/tc3_request";
        var toSign = $"{Algorithm}\n{timestamp}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Hmac(Hmac(Hmac(Encoding.UTF8.GetBytes("TC3" + secret), date), service), "tc3_request");
        return (Hex(Hmac(key, toSign)), signedHeaders, scope);
    }

    /// <summary>The Authorization header the request carries.</summary>
    public static string Authorization(string secretId, string scope, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={secretId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}";

    private static byte[] Hmac(byte[] key, string text) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
