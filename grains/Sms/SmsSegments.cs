using System.Text;

namespace HomeService.Sms;

/// <summary>
/// How many billed messages a Chinese SMS costs: up to 70 characters is one; a longer text is sent as parts of 67
/// characters each. The sign name in 【】 counts, as the providers count it. A character is a Unicode scalar value.
/// </summary>
public static class SmsSegments
{
    public const int Single = 70;
    public const int PerPart = 67;

    /// <summary>The message as the phone shows it: the sign name in 【】, then the text.</summary>
    public static string AsShown(string signName, string text) => $"【{signName}】{text}";

    public static int Length(string signName, string text) => AsShown(signName, text).EnumerateRunes().Count();

    public static int Count(string signName, string text) => Count(Length(signName, text));

    public static int Count(int length) => length <= Single ? 1 : (length + PerPart - 1) / PerPart;
}
