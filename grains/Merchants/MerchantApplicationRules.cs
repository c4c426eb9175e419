namespace HomeService.Merchants;

/// <summary>What a merchant application must have, as field errors with domain codes; and its tidy form.</summary>
public static class MerchantApplicationRules
{
    public const int MaxDocuments = 20;

    public static MerchantApplication Normalize(MerchantApplication a) => a with
    {
        Name = (a.Name ?? "").Trim(), CreditCode = SocialCreditCode.Normalize(a.CreditCode), LegalPerson = (a.LegalPerson ?? "").Trim(),
        ContactName = (a.ContactName ?? "").Trim(), ContactPhone = PhoneNumber.Normalize(a.ContactPhone ?? ""), Address = (a.Address ?? "").Trim(),
        District = (a.District ?? "").Trim(),
        Categories = (a.Categories ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList(),
        Districts = (a.Districts ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList(),
        Documents = a.Documents ?? [],
    };

    /// <param name="knownCategory">Whether a service category code exists in the catalogue.</param>
    public static Dictionary<string, string[]> Validate(MerchantApplication a, Func<string, bool> knownCategory)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "name", a.Name, 100);
        switch (SocialCreditCode.Problem(a.CreditCode))
        {
            case "length": errors["creditCode"] = [a.CreditCode.Length == 0 ? "required" : "length:18"]; break;
            case "character": errors["creditCode"] = ["character"]; break;
            case "check": errors["creditCode"] = ["check-character"]; break;
        }
        Text(errors, "legalPerson", a.LegalPerson, 50);
        Text(errors, "contactName", a.ContactName, 50);
        if (!PhoneNumber.IsDialable(a.ContactPhone)) errors["contactPhone"] = ["format:phone"];
        Text(errors, "address", a.Address, 200);
        Text(errors, "district", a.District, 50);
        if (a.Categories.Count == 0) errors["categories"] = ["required"];
        else if (a.Categories.FirstOrDefault(c => !knownCategory(c)) is not null) errors["categories"] = ["unknown"];
        if (a.Districts.Count == 0) errors["districts"] = ["required"];
        else if (a.Districts.Any(d => d.Length > 50)) errors["districts"] = ["max_length:50"];
        if (a.Documents.Count > MaxDocuments) errors["documents"] = [$"max_count:{MaxDocuments}"];
        else if (a.Documents.Any(d => string.IsNullOrWhiteSpace(d.Kind) || string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 100))
            errors["documents"] = ["format"];
        return errors;
    }

    public static MerchantProfileEdit Normalize(MerchantProfileEdit p) => p with
    {
        ContactName = (p.ContactName ?? "").Trim(), ContactPhone = PhoneNumber.Normalize(p.ContactPhone ?? ""), Address = (p.Address ?? "").Trim(),
        Categories = (p.Categories ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList(),
        Districts = (p.Districts ?? []).Select(d => d.Trim()).Where(d => d.Length > 0).Distinct().ToList(),
        BusinessHours = string.IsNullOrWhiteSpace(p.BusinessHours) ? null : p.BusinessHours.Trim(),
    };

    public static Dictionary<string, string[]> Validate(MerchantProfileEdit p, Func<string, bool> knownCategory)
    {
        var errors = new Dictionary<string, string[]>();
        Text(errors, "contactName", p.ContactName, 50);
        if (!PhoneNumber.IsDialable(p.ContactPhone)) errors["contactPhone"] = ["format:phone"];
        Text(errors, "address", p.Address, 200);
        if (p.Categories.Count == 0) errors["categories"] = ["required"];
        else if (p.Categories.FirstOrDefault(c => !knownCategory(c)) is not null) errors["categories"] = ["unknown"];
        if (p.Districts.Count == 0) errors["districts"] = ["required"];
        else if (p.Districts.Any(d => d.Length > 50)) errors["districts"] = ["max_length:50"];
        if (p.BusinessHours is { Length: > 100 }) errors["businessHours"] = ["max_length:100"];
        if (p.Capacity is < 1 or > 1000) errors["capacity"] = ["range:1–1000"];
        return errors;
    }

    private static void Text(Dictionary<string, string[]> errors, string field, string value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors[field] = ["required"];
        else if (value.Length > max) errors[field] = [$"max_length:{max}"];
    }
}
