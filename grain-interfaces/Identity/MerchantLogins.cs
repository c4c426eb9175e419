namespace HomeService.Identity;

/// <summary>
/// A login a merchant's administrator asks for: a dispatcher (<see cref="Roles.MerchantDispatcher"/>) or one of its own
/// workers (<see cref="Roles.Worker"/>, with the worker's id). The login must start with the company's prefix
/// (<c>m1001-</c>); a worker's display name may be left empty for the worker's own name.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.MerchantStaffLogin")]
public sealed record MerchantStaffLogin(
    [property: Id(0)] string Role,
    [property: Id(1)] string Login,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string? WorkerId);

/// <summary>
/// The logins of one merchant, keyed by the merchant id: its administrator's (made when the application is approved) and
/// the staff logins the administrator makes. One activation per merchant makes "one login per worker" hold without locks.
/// A login of another company, or the administrator's own, answers as unknown ("login": "unknown").
/// </summary>
[Alias("HomeService.Identity.IMerchantLoginsGrain")]
public interface IMerchantLoginsGrain : IGrainWithStringKey
{
    /// <summary>
    /// Makes the administrator login of an admitted merchant if it has none, and sends its contact phone a new
    /// set-password link either way (so an admin can send a fresh link when the first one expired).
    /// </summary>
    [Alias("OpenAdmin")]
    Task<CommandResult<UserAccount>> OpenAdmin(string actor);

    /// <summary>A dispatcher's or a worker's login with a one-time password that must be changed at the first sign-in.</summary>
    [Alias("CreateStaff")]
    Task<CommandResult<UserAccount>> CreateStaff(MerchantStaffLogin login, string oneTimePasswordHash, string actor);

    /// <summary>Disables or enables one of the merchant's staff logins, with the reason for the audit log.</summary>
    [Alias("SetDisabled")]
    Task<CommandResult<UserAccount>> SetDisabled(string login, bool disabled, string reason, string actor);

    /// <summary>A new one-time password for one of the merchant's staff logins (a worker who forgot theirs).</summary>
    [Alias("ResetPassword")]
    Task<CommandResult<UserAccount>> ResetPassword(string login, string oneTimePasswordHash, string actor);

    /// <summary>A worker left the company: their login, if any, is disabled with it.</summary>
    [Alias("WorkerDeactivated")]
    Task WorkerDeactivated(string workerId, string actor);
}
