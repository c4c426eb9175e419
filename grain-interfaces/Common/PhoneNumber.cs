namespace HomeService;

/// <summary>Mainland China numbers as the center dials them.</summary>
public static class PhoneNumber
{
    /// <summary>The caller of a call whose number is withheld (主叫号码隐藏): the switch sends "anonymous", as SIP does.</summary>
    public const string Withheld = "anonymous";

    public static bool IsWithheld(string caller) => string.Equals(caller.Trim(), Withheld, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The form numbers are stored and matched in: a mainland mobile as its 11 digits, whatever prefix the
    /// switch put in front (+86, 86, 0); other numbers keep their digits.
    /// </summary>
    public static string Normalize(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 13 && digits.StartsWith("86") && IsMobile(digits[2..])) return digits[2..];
        if (digits.Length == 12 && digits[0] == '0' && IsMobile(digits[1..])) return digits[1..];
        return digits;
    }

    public static bool IsMobile(string digits) => digits.Length == 11 && digits[0] == '1' && digits[1] is >= '3' and <= '9' && digits.All(char.IsAsciiDigit);

    /// <summary>Mobile (11 digits, 1[3-9]…) or a fixed line with area code (10-12 digits starting with 0).</summary>
    public static bool IsDialable(string number) =>
        number.All(char.IsAsciiDigit) &&
        ((number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9') || (number.Length is >= 10 and <= 12 && number[0] == '0'));
}
