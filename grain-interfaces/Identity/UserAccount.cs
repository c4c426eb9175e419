namespace HomeService.Identity;

/// <summary>
/// A person's login. The password hash is made and checked by the web host (ASP.NET Core's PasswordHasher),
/// so the slow key stretching never runs inside a grain. The links say whose data the user may see.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.UserAccount")]
public sealed record UserAccount(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Login,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] IReadOnlyList<string> Roles,
    [property: Id(4)] string PasswordHash,
    [property: Id(5)] string? AgentId,
    [property: Id(6)] string? MerchantId,
    [property: Id(7)] string? WorkerId,
    [property: Id(8)] string? MemberId,
    [property: Id(9)] bool Disabled);

[Alias("HomeService.Identity.IUserAccountGrain")]
public interface IUserAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account under this grain's login; false if the login is taken.</summary>
    [Alias("Create")]
    Task<bool> Create(UserAccount account, string actor);

    /// <summary>The account, or null if there is none. Kept in memory: a login costs no database read.</summary>
    [Alias("Get")]
    Task<UserAccount?> Get();

    /// <summary>Replaces the password hash (a reset by SMS code); false if there is no account.</summary>
    [Alias("SetPassword")]
    Task<bool> SetPassword(string passwordHash, string actor);
}
