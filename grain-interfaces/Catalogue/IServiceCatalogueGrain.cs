namespace HomeService.Catalogue;

/// <summary>
/// The service catalogue in memory (key 0): intake validates orders against it and copies the category's terms
/// into each new order; admins change terms through it.
/// </summary>
[Alias("HomeService.Catalogue.IServiceCatalogueGrain")]
public interface IServiceCatalogueGrain : IGrainWithIntegerKey
{
    [Alias("GetAll")] Task<IReadOnlyList<ServiceCategory>> GetAll();
    [Alias("Get")] Task<ServiceCategory?> Get(string code);
    [Alias("ChangeTerms")] Task<CommandResult<ServiceCategory>> ChangeTerms(string code, CategoryTerms terms, string actor);
}
