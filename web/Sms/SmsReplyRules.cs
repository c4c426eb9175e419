namespace HomeService.Web.Sms;

/// <summary>What a reply asks for: an unsubscribe (TD, T, R, 退订, 拒收, in any case and with spaces), a follow-up score 1–5, or nothing we act on.</summary>
public static class SmsReplyRules
{
    private static readonly HashSet<string> Unsubscribe = new(StringComparer.OrdinalIgnoreCase) { "TD", "T", "R", "退订", "拒收" };

    public static bool IsUnsubscribe(string text) => Unsubscribe.Contains(Clean(text));

    public static int? Score(string text) => Clean(text) is [var c] && c is >= '1' and <= '5' ? c - '0' : null;

    private static string Clean(string text) => new string(text.Where(c => !char.IsWhiteSpace(c) && c != '。' && c != '.').ToArray())
        .Normalize(System.Text.NormalizationForm.FormKC);
}
