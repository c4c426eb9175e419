using System.Security.Cryptography;
using System.Text;

namespace HomeService.Sms.Providers;

/// <summary>
/// Alibaba Cloud's API signature V3 (ACS3-HMAC-SHA256), as its "V3 request structure and signature" page publishes it:
/// a canonical request (method, path, sorted RFC 3986 query, the signed headers in lower case and sorted, the body's
/// SHA-256), its SHA-256 in a string to sign, and an HMAC-SHA256 of that with the AccessKey secret, all hex in lower
/// case. The local test provider recomputes it with the same code to refuse a wrong one, as the provider would.
/// </summary>
public static class AliyunSignature
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>The hex signature and the signed-headers list over <paramref name="headers"/> (every one given is signed).</summary>
    public static (string Signature, string SignedHeaders) Sign(string method, string path, IEnumerable<KeyValuePair<string, string>> query,
        IEnumerable<KeyValuePair<string, string>> headers, string body, string secret)
    {
        var signed = headers.Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.Trim())).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var signedHeaders = string.Join(';', signed.Select(h => h.Name));
        var canonical = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(string.IsNullOrEmpty(path) ? "/" : path).Append('\n')
            .Append(CanonicalQuery(query)).Append('\n');
        foreach (var (name, value) in signed) canonical.Append(name).Append(':').Append(value).Append('\n');
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Sha256Hex(body)); // each header line ends in \n, then the section's own
        var toSign = $"{Algorithm}\n{Sha256Hex(canonical.ToString())}";
        return (Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(toSign))), signedHeaders);
    }

    /// <summary>The Authorization header the request carries.</summary>
    public static string Authorization(string accessKeyId, string signedHeaders, string signature) =>
        $"{Algorithm} Credential={accessKeyId},SignedHeaders={signedHeaders},Signature={signature}";

    /// <summary>Parameters sorted by name, names and values percent-encoded, joined with '&amp;'.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> query) =>
        string.Join('&', query.Select(p => (Name: PercentEncode(p.Key), Value: PercentEncode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}={p.Value}"));

    /// <summary>RFC 3986: letters, digits and - _ . ~ stay; every other UTF-8 byte becomes %XY (a space is %20, never '+').</summary>
    public static string PercentEncode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is >= (byte)'A' and <= (byte)'Z' or >= (byte)'a' and <= (byte)'z' or >= (byte)'0' and <= (byte)'9' or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
                text.Append((char)b);
            else
                text.Append('%').Append(b.ToString("X2"));
        }
        return text.ToString();
    }

    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
