using System.Globalization;

namespace HomeService.Catalogue;

/// <summary>What makes a category's terms acceptable, and whether an order's requirements meet them.</summary>
public static class CategoryTermsRules
{
    public static readonly IReadOnlyList<string> FieldTypes = CatalogueLimits.FieldTypes;
    public const int MaxFields = CatalogueLimits.MaxFields;
    public const int MaxValueLength = 200;
    public const int MaxChoices = 20;
    public const int MaxChoiceLength = 40;
    /// <summary>The names people use for a service (俗称), which search knows it by: at most 20 of at most 20 characters.</summary>
    public const int MaxAliases = 20;
    public const int MaxAliasLength = 20;

    /// <summary>Field errors (domain codes) for a proposed change of terms.</summary>
    public static Dictionary<string, string[]> Validate(CategoryTerms terms)
    {
        var errors = new Dictionary<string, string[]>();
        if (terms.Fields is null) errors["fields"] = ["required"];
        else if (terms.Fields.Count > MaxFields) errors["fields"] = [$"max_count:{MaxFields}"];
        else if (terms.Fields.Select(f => f.Key).Distinct().Count() != terms.Fields.Count) errors["fields"] = ["duplicate"];
        else
            for (var i = 0; i < terms.Fields.Count; i++)
            {
                var f = terms.Fields[i];
                if (string.IsNullOrWhiteSpace(f.Key) || f.Key.Length > 32 || !f.Key.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
                    errors[$"fields[{i}].key"] = ["format:key"];
                if (string.IsNullOrWhiteSpace(f.NameZh) || f.NameZh.Length > 20) errors[$"fields[{i}].nameZh"] = ["required"];
                if (string.IsNullOrWhiteSpace(f.NameEn) || f.NameEn.Length > 40) errors[$"fields[{i}].nameEn"] = ["required"];
                if (!FieldTypes.Contains(f.Type)) errors[$"fields[{i}].type"] = ["unknown"];
                else if (f.Type == "choice" && ChoicesProblem(f.Choices) is { } problem) errors[$"fields[{i}].choices"] = [problem];
            }
        if (terms.DispatchSlaMinutes is { } d && d is < 1 or > 7 * 24 * 60) errors["dispatchSlaMinutes"] = ["range:1-10080"];
        if (terms.CompletionGraceHours is { } g && g is < 1 or > 30 * 24) errors["completionGraceHours"] = ["range:1-720"];
        if (terms.PriceGuideZh is { Length: > 500 }) errors["priceGuideZh"] = ["max_length:500"];
        if (terms.PriceGuideEn is { Length: > 500 }) errors["priceGuideEn"] = ["max_length:500"];
        if (terms.DescriptionZh is { Length: > 1000 }) errors["descriptionZh"] = ["max_length:1000"];
        if (terms.DescriptionEn is { Length: > 2000 }) errors["descriptionEn"] = ["max_length:2000"];
        if (terms.DurationZh is { Length: > 50 }) errors["durationZh"] = ["max_length:50"];
        if (terms.DurationEn is { Length: > 80 }) errors["durationEn"] = ["max_length:80"];
        if (terms.Aliases is { } aliases && (aliases.Count > MaxAliases || aliases.Any(a => a.Length > MaxAliasLength)))
            errors["aliases"] = [$"max_count:{MaxAliases}"];
        if (terms.Skills is null) errors["skills"] = ["required"];
        else if (terms.Skills.Count > 10 || terms.Skills.Any(s => string.IsNullOrWhiteSpace(s) || s.Length > 32)) errors["skills"] = ["format:skills"];
        return errors;
    }

    /// <summary>A choice field offers 2 to 20 distinct answers of at most 40 characters.</summary>
    private static string? ChoicesProblem(IReadOnlyList<string>? choices) =>
        choices is null || choices.Count is < 2 or > MaxChoices || choices.Distinct().Count() != choices.Count
        || choices.Any(c => string.IsNullOrWhiteSpace(c) || c.Length > MaxChoiceLength)
            ? "catalogue-choices"
            : null;

    /// <summary>
    /// Terms as they are kept: names and guides trimmed, blanks as null, skills distinct, and choices only on a choice
    /// field (trimmed, blank lines dropped).
    /// </summary>
    public static CategoryTerms Normalize(CategoryTerms terms) => terms with
    {
        Fields = terms.Fields?.Select(f => f with
        {
            Key = f.Key?.Trim() ?? "", NameZh = f.NameZh?.Trim() ?? "", NameEn = f.NameEn?.Trim() ?? "", Type = f.Type?.Trim() ?? "",
            Choices = f.Type?.Trim() == "choice" ? (f.Choices ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).ToList() : null,
        }).ToList()!,
        PriceGuideZh = Blank(terms.PriceGuideZh), PriceGuideEn = Blank(terms.PriceGuideEn),
        DescriptionZh = Blank(terms.DescriptionZh), DescriptionEn = Blank(terms.DescriptionEn),
        DurationZh = Blank(terms.DurationZh), DurationEn = Blank(terms.DurationEn),
        Skills = terms.Skills?.Select(s => s?.Trim() ?? "").Distinct().ToList()!,
        Aliases = SplitAliases(terms.Aliases),
    };

    /// <summary>Aliases trimmed, blanks and repeats dropped; none at all is an empty list.</summary>
    public static IReadOnlyList<string> SplitAliases(IEnumerable<string?>? aliases) =>
        (aliases ?? []).SelectMany(a => (a ?? "").Split(AliasSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();

    /// <summary>What an admin may type between aliases: Chinese or Latin commas, the enumeration comma, semicolons, new lines.</summary>
    public static readonly char[] AliasSeparators = [',', '，', '、', ';', '；', '\n', '\r'];

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>
    /// An order's requirements against its category's fields: required ones present, numbers and dates well formed.
    /// Errors are keyed "requirements.&lt;field key&gt;" so a form can show them beside the field.
    /// </summary>
    public static Dictionary<string, string[]> CheckRequirements(CategoryTerms terms, IReadOnlyDictionary<string, string>? requirements)
    {
        var errors = new Dictionary<string, string[]>();
        requirements ??= new Dictionary<string, string>();
        if (requirements.Count > 20) errors["requirements"] = ["max_count:20"];
        foreach (var (key, value) in requirements)
            if (key.Length > 32 || value?.Length > MaxValueLength) errors[$"requirements.{(key.Length > 32 ? key[..32] : key)}"] = [$"max_length:{MaxValueLength}"];
        foreach (var field in terms.Fields)
        {
            var value = requirements.GetValueOrDefault(field.Key)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                if (field.Required) errors[$"requirements.{field.Key}"] = ["required"];
                continue;
            }
            var ok = field.Type switch
            {
                "number" => decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n > 0 && n < 1_000_000,
                "date" => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                "choice" => field.Choices?.Contains(value) == true,
                _ => true,
            };
            if (!ok) errors[$"requirements.{field.Key}"] = [field.Type == "choice" ? "catalogue-not-a-choice" : $"format:{field.Type}"];
        }
        return errors;
    }
}
