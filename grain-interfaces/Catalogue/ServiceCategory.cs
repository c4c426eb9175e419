namespace HomeService.Catalogue;

/// <summary>
/// An extra field an order of the category carries (number of rooms for 开荒保洁, due date for 月嫂).
/// Type is "text", "number", "date" or "choice" (one of <see cref="Choices"/>); the value travels as text in the
/// order's requirements, so a choice is stored as the words the admin wrote.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Catalogue.CategoryField")]
public sealed record CategoryField(
    [property: Id(0)] string Key,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] string Type,
    [property: Id(4)] bool Required,
    [property: Id(5)] IReadOnlyList<string>? Choices = null);

/// <summary>
/// What the center promises and needs for a category: fields, default SLA, price guide, worker skills, and the
/// service guide residents read (服务速查: what the service covers and how long it typically takes). An SLA left
/// empty falls back to the center-wide setting (HomeService:WorkOrders).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Catalogue.CategoryTerms")]
public sealed record CategoryTerms(
    [property: Id(0)] IReadOnlyList<CategoryField> Fields,
    [property: Id(1)] int? DispatchSlaMinutes,
    [property: Id(2)] int? CompletionGraceHours,
    [property: Id(3)] string? PriceGuideZh,
    [property: Id(4)] string? PriceGuideEn,
    [property: Id(5)] IReadOnlyList<string> Skills,
    [property: Id(6)] string? DescriptionZh = null,
    [property: Id(7)] string? DescriptionEn = null,
    [property: Id(8)] string? DurationZh = null,
    [property: Id(9)] string? DurationEn = null,
    [property: Id(10)] IReadOnlyList<string>? Aliases = null);

/// <summary>
/// A node of the service catalogue (业务属性定义). <see cref="TermsVersion"/> counts changes to its terms. A retired
/// category (Active false) takes no new orders but stays, so the orders it already has keep its name and terms.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Catalogue.ServiceCategory")]
public sealed record ServiceCategory(
    [property: Id(0)] string Code,
    [property: Id(1)] string? ParentCode,
    [property: Id(2)] string NameZh,
    [property: Id(3)] string NameEn,
    [property: Id(4)] int SortOrder,
    [property: Id(5)] bool Active,
    [property: Id(6)] CategoryTerms Terms,
    [property: Id(7)] int TermsVersion)
{
    /// <summary>Orders are placed on leaf categories only; the top level groups them.</summary>
    public bool Orderable => Active && ParentCode is not null;
}
