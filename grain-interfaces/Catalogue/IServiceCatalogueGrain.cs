namespace HomeService.Catalogue;

/// <summary>
/// The service catalogue in memory (key 0): intake validates orders against it and copies the category's terms
/// into each new order; admins (and the demo seeder, through the same commands) add, edit and retire categories.
/// </summary>
[Alias("HomeService.Catalogue.IServiceCatalogueGrain")]
public interface IServiceCatalogueGrain : IGrainWithIntegerKey
{
    /// <summary>Every category, retired ones included, in menu order.</summary>
    [Alias("GetAll")] Task<IReadOnlyList<ServiceCategory>> GetAll();
    [Alias("Get")] Task<ServiceCategory?> Get(string code);
    [Alias("Add")] Task<CommandResult<ServiceCategory>> Add(NewCategory category, string actor);
    [Alias("Edit")] Task<CommandResult<ServiceCategory>> Edit(string code, CategoryEdit edit, string actor);
    [Alias("ChangeTerms")] Task<CommandResult<ServiceCategory>> ChangeTerms(string code, CategoryTerms terms, string actor);

    /// <summary>Retires (active false) or reinstates a category; a group retires only once none of its categories is active.</summary>
    [Alias("SetActive")] Task<CommandResult<ServiceCategory>> SetActive(string code, bool active, string? reason, string actor);
}

/// <summary>
/// A new category: a group at the top (ParentCode null) or an orderable category under an active group. The code is
/// permanent (orders, merchants and worker skills refer to it); SortOrder null puts it last.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Catalogue.NewCategory")]
public sealed record NewCategory(
    [property: Id(0)] string Code,
    [property: Id(1)] string? ParentCode,
    [property: Id(2)] string NameZh,
    [property: Id(3)] string NameEn,
    [property: Id(4)] int? SortOrder,
    [property: Id(5)] CategoryTerms? Terms);

/// <summary>Everything an admin may change of a category but its code: names, group, place in the menu and terms.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Catalogue.CategoryEdit")]
public sealed record CategoryEdit(
    [property: Id(0)] string NameZh,
    [property: Id(1)] string NameEn,
    [property: Id(2)] string? ParentCode,
    [property: Id(3)] int SortOrder,
    [property: Id(4)] CategoryTerms Terms);
