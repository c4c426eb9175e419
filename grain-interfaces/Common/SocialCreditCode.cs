namespace HomeService;

/// <summary>
/// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character alphabet
/// (digits and capitals without I, O, Z, S, V); the last is a check character: 31 − (Σ value × 3^(i−1) mod 31) mod 31.
/// </summary>
public static class SocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>Trims and upper-cases what a person typed; validation then works on exactly what will be stored.</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when valid, else why not: "length", "character" or "check".</summary>
    public static string? Problem(string? code)
    {
        var c = Normalize(code);
        if (c.Length != 18) return "length";
        var sum = 0;
        var weight = 1;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(c[i]);
            if (value < 0) return "character";
            sum += value * weight;
            weight = weight * 3 % 31;
        }
        if (Alphabet.IndexOf(c[17]) < 0) return "character";
        return Alphabet[(31 - sum % 31) % 31] == c[17] ? null : "check";
    }

    public static bool IsValid(string? code) => Problem(code) is null;
}
