namespace HomeService.CallCenter;

/// <summary>A reason's code is what states and reports keep (so it never changes); its names are what agents read.</summary>
public static class NotReadyReasonRules
{
    /// <summary>Codes the system sets itself: an agent never picks them and an admin never redefines them.</summary>
    public static readonly IReadOnlyList<string> Reserved = [NotReadyReasons.NoAnswer, NotReadyReasons.Supervisor, "login"];

    public static Dictionary<string, string[]> Validate(NotReadyReason r)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(r.Code)) errors["code"] = ["required"];
        else if (r.Code.Length > 24 || !char.IsAsciiLetterLower(r.Code[0]) || !r.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            errors["code"] = ["reason-code-format"];
        else if (Reserved.Contains(r.Code)) errors["code"] = ["reserved"];
        foreach (var (field, value) in new[] { ("nameZh", r.NameZh), ("nameEn", r.NameEn) })
            if (string.IsNullOrEmpty(value)) errors[field] = ["required"];
            else if (value.Length > 20) errors[field] = ["max_length:20"];
            else if (value.Any(char.IsControl)) errors[field] = ["character"];
        return errors;
    }
}
