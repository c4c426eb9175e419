namespace HomeService.WorkOrders;

/// <summary>
/// A department (部门) of the center that complaints are assigned to and consultations or suggestions forwarded to (转办),
/// as the party "department:{Code}". The code is what orders keep, so it never changes; a retired department is no
/// longer offered, and the orders that name it still show its name.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.Department")]
public sealed record Department(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] bool Active);

/// <summary>The center's departments (key 0), in memory; admins add, rename, retire and restore them.</summary>
[Alias("HomeService.WorkOrders.IDepartmentsGrain")]
public interface IDepartmentsGrain : IGrainWithIntegerKey
{
    /// <summary>Every department, active first in the order they were added, then the retired ones.</summary>
    [Alias("GetAll")] Task<IReadOnlyList<Department>> GetAll();

    [Alias("Get")] Task<Department?> Get(string code);

    [Alias("Create")] Task<CommandResult<Department>> Create(Department department, string actor);

    /// <summary>Renames, retires or restores a department (by its code).</summary>
    [Alias("Update")] Task<CommandResult<Department>> Update(Department department, string actor);
}
