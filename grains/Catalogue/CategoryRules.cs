namespace HomeService.Catalogue;

/// <summary>
/// What makes a category acceptable in the catalogue's two-level tree: a permanent code, names in both languages
/// unique among its siblings, a group above it that is open, and a place in the menu. Returns domain codes per field.
/// </summary>
public static class CategoryRules
{
    public const int MaxNameZh = CatalogueLimits.MaxNameZh, MaxNameEn = CatalogueLimits.MaxNameEn, MaxSortOrder = CatalogueLimits.MaxSortOrder,
        MaxReason = CatalogueLimits.MaxReason;

    /// <summary>Codes are permanent and travel in addresses and skills: 2–32 lowercase letters, digits or hyphens, a letter first.</summary>
    public static string? CodeProblem(string? code) =>
        string.IsNullOrWhiteSpace(code) ? "required"
        : code.Length is < 2 or > 32 || !char.IsAsciiLetterLower(code[0]) || !code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            ? "catalogue-code"
            : null;

    public static Dictionary<string, string[]> ValidateNew(NewCategory c, IReadOnlyDictionary<string, ServiceCategory> catalogue)
    {
        var errors = new Dictionary<string, string[]>();
        if (CodeProblem(c.Code) is { } code) errors["code"] = [code];
        else if (catalogue.ContainsKey(c.Code)) errors["code"] = ["exists"];
        if (c.ParentCode is { } parent && ParentProblem(parent, catalogue) is { } problem) errors["parentCode"] = [problem];
        Names(errors, c.NameZh, c.NameEn, c.ParentCode, c.Code, catalogue);
        if (c.SortOrder is { } order && order is < 0 or > MaxSortOrder) errors["sortOrder"] = [$"range:0-{MaxSortOrder}"];
        if (c.Terms is { } terms) foreach (var (field, codes) in CategoryTermsRules.Validate(terms)) errors[field] = codes;
        return errors;
    }

    /// <summary>A group stays a group and a category stays under some group: orders and the site rely on the level.</summary>
    public static Dictionary<string, string[]> ValidateEdit(ServiceCategory current, CategoryEdit e, IReadOnlyDictionary<string, ServiceCategory> catalogue)
    {
        var errors = new Dictionary<string, string[]>();
        if ((current.ParentCode is null) != (e.ParentCode is null)) errors["parentCode"] = ["catalogue-level"];
        else if (e.ParentCode is { } parent && parent != current.ParentCode && ParentProblem(parent, catalogue) is { } problem)
            errors["parentCode"] = [problem];
        Names(errors, e.NameZh, e.NameEn, e.ParentCode, current.Code, catalogue);
        if (e.SortOrder is < 0 or > MaxSortOrder) errors["sortOrder"] = [$"range:0-{MaxSortOrder}"];
        foreach (var (field, codes) in CategoryTermsRules.Validate(e.Terms)) errors[field] = codes;
        return errors;
    }

    /// <summary>
    /// A group retires once none of its categories is open (so nothing orderable hides under a closed group); a category
    /// is reinstated only under an open group.
    /// </summary>
    public static Dictionary<string, string[]> ValidateActive(ServiceCategory c, bool active, string? reason, IReadOnlyDictionary<string, ServiceCategory> catalogue)
    {
        var errors = new Dictionary<string, string[]>();
        if (reason is { Length: > MaxReason }) errors["reason"] = [$"max_length:{MaxReason}"];
        if (!active && c.ParentCode is null && catalogue.Values.Any(x => x.ParentCode == c.Code && x.Active)) errors["code"] = ["catalogue-active-children"];
        if (active && c.ParentCode is { } parent && catalogue.TryGetValue(parent, out var group) && !group.Active) errors["parentCode"] = ["catalogue-retired"];
        return errors;
    }

    private static string? ParentProblem(string parent, IReadOnlyDictionary<string, ServiceCategory> catalogue) =>
        !catalogue.TryGetValue(parent, out var group) ? "unknown"
        : group.ParentCode is not null ? "catalogue-not-a-group"
        : !group.Active ? "catalogue-retired"
        : null;

    private static void Names(Dictionary<string, string[]> errors, string? nameZh, string? nameEn, string? parent, string code,
        IReadOnlyDictionary<string, ServiceCategory> catalogue)
    {
        var siblings = catalogue.Values.Where(x => x.ParentCode == parent && x.Code != code).ToList();
        if (string.IsNullOrWhiteSpace(nameZh)) errors["nameZh"] = ["required"];
        else if (nameZh.Length > MaxNameZh) errors["nameZh"] = [$"max_length:{MaxNameZh}"];
        else if (siblings.Any(x => x.NameZh == nameZh)) errors["nameZh"] = ["exists"];
        if (string.IsNullOrWhiteSpace(nameEn)) errors["nameEn"] = ["required"];
        else if (nameEn.Length > MaxNameEn) errors["nameEn"] = [$"max_length:{MaxNameEn}"];
        else if (siblings.Any(x => string.Equals(x.NameEn, nameEn, StringComparison.OrdinalIgnoreCase))) errors["nameEn"] = ["exists"];
    }
}
