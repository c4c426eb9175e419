namespace HomeService.CallCenter;

/// <summary>Mainland China numbers as the center dials them.</summary>
public static class PhoneNumber
{
    /// <summary>Mobile (11 digits, 1[3-9]…) or a fixed line with area code (10-12 digits starting with 0).</summary>
    public static bool IsDialable(string number) =>
        number.All(char.IsAsciiDigit) &&
        ((number.Length == 11 && number[0] == '1' && number[1] is >= '3' and <= '9') || (number.Length is >= 10 and <= 12 && number[0] == '0'));
}
