namespace HomeService.Identity;

/// <summary>
/// The token of a set-password link, "&lt;login&gt;.&lt;secret&gt;" like an API key's "&lt;id&gt;.&lt;secret&gt;": the login finds the
/// account's grain without a table lookup, the secret (43 base64url characters, 256 random bits) proves the link. Only
/// the secret's hash is stored; the token itself is written once, into the SMS that carries it.
/// </summary>
public static class SetupLinkToken
{
    public const string PagePath = "/account/setup";
    public const int MaxLength = 120;

    public static string Of(string login, string secret) => $"{login}.{secret}";

    /// <summary>The page address the SMS carries; the SMS sender puts the site's own address in front.</summary>
    public static string Path(string login, string secret) => $"{PagePath}?token={Uri.EscapeDataString(Of(login, secret))}";

    /// <summary>Splits a token at its last dot; false for anything that cannot be one (so garbage never activates a grain).</summary>
    public static bool TryParse(string? token, out string login, out string secret)
    {
        login = secret = "";
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength) return false;
        var dot = token.LastIndexOf('.');
        if (dot < 3 || dot > 64 || token.Length - dot - 1 != 43) return false;
        var l = token[..dot];
        var s = token[(dot + 1)..];
        if (!l.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-')) return false;
        if (!s.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        (login, secret) = (l, s);
        return true;
    }
}
