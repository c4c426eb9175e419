namespace HomeService.Places;

/// <summary>
/// What makes the city's places acceptable: a district's permanent code, Chinese names that no other district has or
/// had (records carry them), English names, a place in the menu; streets named uniquely within their district.
/// </summary>
public static class PlaceRules
{
    public const int MaxDistrictZh = 20, MaxDistrictEn = 40, MaxStreetZh = 30, MaxStreetEn = 60, MaxSortOrder = 9999, MaxReason = 200,
        MaxStreets = 200;

    public static Dictionary<string, string[]> ValidateNew(NewDistrict d, IReadOnlyList<District> districts)
    {
        var errors = new Dictionary<string, string[]>();
        if (Catalogue.CategoryRules.CodeProblem(d.Code) is { } code) errors["code"] = [code];
        else if (districts.Any(x => x.Code == d.Code)) errors["code"] = ["exists"];
        DistrictNames(errors, d.NameZh, d.NameEn, d.Code, districts);
        if (d.SortOrder is { } order && order is < 0 or > MaxSortOrder) errors["sortOrder"] = [$"range:0-{MaxSortOrder}"];
        return errors;
    }

    public static Dictionary<string, string[]> ValidateEdit(District current, DistrictEdit e, IReadOnlyList<District> districts)
    {
        var errors = new Dictionary<string, string[]>();
        DistrictNames(errors, e.NameZh, e.NameEn, current.Code, districts);
        if (e.SortOrder is < 0 or > MaxSortOrder) errors["sortOrder"] = [$"range:0-{MaxSortOrder}"];
        return errors;
    }

    public static Dictionary<string, string[]> ValidateStreet(District district, string? streetCode, StreetNames s)
    {
        var errors = new Dictionary<string, string[]>();
        if (streetCode is null && !district.Active) errors["district"] = ["catalogue-retired"];
        if (streetCode is null && district.Streets.Count >= MaxStreets) errors["district"] = [$"max_count:{MaxStreets}"];
        if (string.IsNullOrWhiteSpace(s.NameZh)) errors["nameZh"] = ["required"];
        else if (s.NameZh.Length > MaxStreetZh) errors["nameZh"] = [$"max_length:{MaxStreetZh}"];
        else if (district.Streets.Any(x => x.Code != streetCode && x.NameZh == s.NameZh)) errors["nameZh"] = ["exists"];
        if (s.NameEn is { Length: > MaxStreetEn }) errors["nameEn"] = [$"max_length:{MaxStreetEn}"];
        return errors;
    }

    public static Dictionary<string, string[]> ValidateReason(string? reason) =>
        reason is { Length: > MaxReason } ? new() { ["reason"] = [$"max_length:{MaxReason}"] } : new();

    /// <summary>
    /// The next street code of a district: its code and the street's number in the order they were added ("jinshui-3"); streets
    /// are never removed, so the code is unique in the city and a street needs no district beside it to be named.
    /// </summary>
    public static string NextStreetCode(District district) => $"{district.Code}-{district.Streets.Count + 1}";

    private static void DistrictNames(Dictionary<string, string[]> errors, string? nameZh, string? nameEn, string code, IReadOnlyList<District> districts)
    {
        var others = districts.Where(x => x.Code != code).ToList();
        if (string.IsNullOrWhiteSpace(nameZh)) errors["nameZh"] = ["required"];
        else if (nameZh.Length > MaxDistrictZh) errors["nameZh"] = [$"max_length:{MaxDistrictZh}"];
        else if (others.Any(x => x.Names().Contains(nameZh))) errors["nameZh"] = ["exists"];
        if (string.IsNullOrWhiteSpace(nameEn)) errors["nameEn"] = ["required"];
        else if (nameEn.Length > MaxDistrictEn) errors["nameEn"] = [$"max_length:{MaxDistrictEn}"];
        else if (others.Any(x => string.Equals(x.NameEn, nameEn, StringComparison.OrdinalIgnoreCase))) errors["nameEn"] = ["exists"];
    }
}
