using System.Globalization;

namespace HomeService;

/// <summary>
/// The resident identity card number (公民身份号码, GB 11643-1999): six digits of region, eight of birth date,
/// three of sequence, and a check character from Σ digit × (2^(17−i) mod 11) mod 11 mapped onto "10X98765432".
/// It is personal data: stored protected and shown only masked.
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static string Normalize(string? number) => (number ?? "").Trim().ToUpperInvariant();

    /// <summary>Null when valid, else why not: "length", "character", "birth-date" or "check".</summary>
    public static string? Problem(string? number, DateOnly? today = null)
    {
        var n = Normalize(number);
        if (n.Length != 18) return "length";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (n[i] is < '0' or > '9') return "character";
            sum += (n[i] - '0') * Weights[i];
        }
        if (n[17] is not ((>= '0' and <= '9') or 'X')) return "character";
        if (!DateOnly.TryParseExact(n.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
            || born.Year < 1800 || (today is { } t && born > t)) return "birth-date";
        return CheckCharacters[sum % 11] == n[17] ? null : "check";
    }

    public static bool IsValid(string? number, DateOnly? today = null) => Problem(number, today) is null;

    /// <summary>4101**********1234: the region's first four digits and the last four, nothing of the birth date.</summary>
    public static string Mask(string number) => number.Length == 18 ? $"{number[..4]}{new string('*', 10)}{number[^4..]}" : new string('*', number.Length);
}
