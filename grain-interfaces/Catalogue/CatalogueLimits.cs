namespace HomeService.Catalogue;

/// <summary>The catalogue's limits, shared by its rules (grains) and its forms (web), so both say the same.</summary>
public static class CatalogueLimits
{
    public static readonly IReadOnlyList<string> FieldTypes = ["text", "number", "date", "choice"];
    public const int MaxFields = 10, MaxNameZh = 20, MaxNameEn = 40, MaxSortOrder = 9999, MaxReason = 200;
}
