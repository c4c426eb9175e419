namespace HomeService.Places;

/// <summary>
/// The city's districts and streets (区域、街道) in memory (key 0), used by addresses, order intake, dispatch and
/// reports. Admins and the demo seeder change them through the same commands; each web host keeps a copy and asks
/// <see cref="Changed"/> for a newer one.
/// </summary>
[Alias("HomeService.Places.ICityPlacesGrain")]
public interface ICityPlacesGrain : IGrainWithIntegerKey
{
    [Alias("GetAll")] Task<CityPlaces> GetAll();

    /// <summary>The places if they changed since <paramref name="knownVersion"/>, else null: a cheap poll for caches.</summary>
    [Alias("Changed")] Task<CityPlaces?> Changed(long knownVersion);

    /// <summary>The district a record names, by its current or a former Chinese name; null if none has that name.</summary>
    [Alias("Find")] Task<District?> Find(string name);

    [Alias("AddDistrict")] Task<CommandResult<District>> AddDistrict(NewDistrict district, string actor);
    [Alias("EditDistrict")] Task<CommandResult<District>> EditDistrict(string code, DistrictEdit edit, string actor);
    [Alias("SetDistrictActive")] Task<CommandResult<District>> SetDistrictActive(string code, bool active, string? reason, string actor);
    [Alias("AddStreet")] Task<CommandResult<District>> AddStreet(string district, StreetNames street, string actor);
    /// <summary>Renames a street, named by its code (unique in the city: the district's code and a number).</summary>
    [Alias("RenameStreet")] Task<CommandResult<District>> RenameStreet(string street, StreetNames names, string actor);
    [Alias("SetStreetActive")] Task<CommandResult<District>> SetStreetActive(string street, bool active, string? reason, string actor);
}
