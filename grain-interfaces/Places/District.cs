namespace HomeService.Places;

/// <summary>
/// A street (街道, the sub-district office's area) of a district. Its code is given when it is added: the district's code
/// and a number ("jinshui-3"), unique in the city. Addresses name it in words, so a retired street stays readable in them.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Places.Street")]
public sealed record Street(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] bool Active);

/// <summary>
/// One of the city's districts (区域). Orders, addresses and merchants' service areas hold its Chinese name, which is
/// what dispatch matches on; a rename keeps the old name in <see cref="FormerNames"/>, so those records stay valid and
/// keep matching. A retired district takes no new orders but is never deleted.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Places.District")]
public sealed record District(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] int SortOrder,
    [property: Id(4)] bool Active,
    [property: Id(5)] IReadOnlyList<string> FormerNames,
    [property: Id(6)] IReadOnlyList<Street> Streets)
{
    /// <summary>The names records may carry for this district: the current one first.</summary>
    public IEnumerable<string> Names() => FormerNames.Prepend(NameZh);
}

/// <summary>The city's districts in menu order with <see cref="Version"/>, which grows with every change.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Places.CityPlaces")]
public sealed record CityPlaces(
    [property: Id(0)] long Version,
    [property: Id(1)] IReadOnlyList<District> Districts);

[GenerateSerializer, Immutable, Alias("HomeService.Places.NewDistrict")]
public sealed record NewDistrict(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] int? SortOrder);

[GenerateSerializer, Immutable, Alias("HomeService.Places.DistrictEdit")]
public sealed record DistrictEdit(
    [property: Id(0)] string NameZh,
    [property: Id(1)] string NameEn,
    [property: Id(2)] int SortOrder);

/// <summary>A street's names, for adding one or renaming it.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Places.StreetNames")]
public sealed record StreetNames(
    [property: Id(0)] string NameZh,
    [property: Id(1)] string NameEn);
