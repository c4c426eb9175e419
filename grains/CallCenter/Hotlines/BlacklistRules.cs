using System.Text.RegularExpressions;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// What a blacklist entry must be: a real calling number (normalized as calls are, so +8613800138000 and 13800138000 are
/// one entry), a reason, and an expiry day from today up to three years ahead: a block always ends, a number changes hands.
/// </summary>
public static partial class BlacklistRules
{
    public const int MaxReason = 100;
    public const int MaxYearsAhead = 3;

    /// <summary>The number as calls carry it, or null when it is no calling number (withheld numbers are blocked per hotline).</summary>
    public static string? Number(string? text)
    {
        if (text is null || !InputPattern().IsMatch(text.Trim())) return null;
        var number = PhoneNumber.Normalize(text);
        return number.Length is >= 3 and <= 20 ? number : null;
    }

    public static Dictionary<string, string[]> Validate(string? number, string reason, DateOnly? expiresOn, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (number is null) errors["number"] = ["format"];
        if (reason.Length == 0) errors["reason"] = ["required"];
        else if (reason.Length > MaxReason) errors["reason"] = [$"max_length:{MaxReason}"];
        if (expiresOn is not { } until) errors["expiresOn"] = ["required"];
        else if (until < today) errors["expiresOn"] = ["in-the-past"];
        else if (until > today.AddYears(MaxYearsAhead)) errors["expiresOn"] = [$"too-far:{today.AddYears(MaxYearsAhead):yyyy-MM-dd}"];
        return errors;
    }

    public static Dictionary<string, string[]> ValidateNote(string reason)
    {
        var errors = new Dictionary<string, string[]>();
        if (reason.Length == 0) errors["reason"] = ["required"];
        else if (reason.Length > MaxReason) errors["reason"] = [$"max_length:{MaxReason}"];
        return errors;
    }

    [GeneratedRegex(@"^\+?[0-9][0-9 -]{1,23}$")]
    private static partial Regex InputPattern();
}
