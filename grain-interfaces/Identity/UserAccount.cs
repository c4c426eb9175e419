namespace HomeService.Identity;

/// <summary>
/// A person's login. The password hash is made and checked by the web host (ASP.NET Core's PasswordHasher),
/// so the slow key stretching never runs inside a grain. The links say whose data the user may see.
/// The security stamp changes whenever the account's sessions must end (password, roles, disabled); every web host
/// compares a cookie's stamp with it on each request.
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
    [property: Id(9)] bool Disabled,
    [property: Id(10)] bool MustChangePassword = false,
    [property: Id(11)] string SecurityStamp = "",
    [property: Id(12)] string? TeamId = null);

/// <summary>What an administrator may change of a staff account: its name, roles, seat and team.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.AccountEdit")]
public sealed record AccountEdit(
    [property: Id(0)] string DisplayName,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] string? TeamId);

/// <summary>Whom a merchant's administrator login is for: the company and the phone its set-password link goes to by SMS.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.MerchantAdminInvite")]
public sealed record MerchantAdminInvite(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] string Phone,
    [property: Id(3)] string CompanyName);

/// <summary>
/// Where a set-password link stands: good (open; or, as the answer to using it, the password is now set), or unknown,
/// expired or already used.
/// </summary>
public enum SetupLinkOutcome { Good, Invalid, Expired, Used }

/// <summary>Where an account stands for sign-in: locked until a time after too many wrong passwords, or open.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Identity.SignInGate")]
public sealed record SignInGate([property: Id(0)] DateTimeOffset? LockedUntil)
{
    public bool Locked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

[Alias("HomeService.Identity.IUserAccountGrain")]
public interface IUserAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account under this grain's login; false if the login is taken.</summary>
    [Alias("Create")]
    Task<bool> Create(UserAccount account, string actor);

    /// <summary>
    /// Creates a staff account (admin, supervisor, agent) under this grain's login with a one-time password that must be
    /// changed at the first sign-in; field errors for a bad login, name, role, or a seat that does not exist.
    /// </summary>
    [Alias("CreateStaff")]
    Task<CommandResult<UserAccount>> CreateStaff(AccountEdit account, string oneTimePasswordHash, string actor);

    /// <summary>The account, or null if there is none. Kept in memory: a login costs no database read.</summary>
    [Alias("Get")]
    Task<UserAccount?> Get();

    /// <summary>The owner's new password (a reset by SMS code, or a change after signing in); ends the account's other sessions.</summary>
    [Alias("SetPassword")]
    Task<bool> SetPassword(string passwordHash, string actor);

    /// <summary>An administrator's reset to a one-time password that must be changed at the next sign-in.</summary>
    [Alias("ResetPassword")]
    Task<CommandResult<UserAccount>> ResetPassword(string oneTimePasswordHash, string actor);

    /// <summary>Changes a staff account's name, roles, seat and team; new roles end its sessions.</summary>
    [Alias("Edit")]
    Task<CommandResult<UserAccount>> Edit(AccountEdit edit, string actor);

    /// <summary>Disables (ending every session) or enables the account, with the reason for the audit log.</summary>
    [Alias("SetDisabled")]
    Task<CommandResult<UserAccount>> SetDisabled(bool disabled, string reason, string actor);

    /// <summary>
    /// A merchant's administrator login: created under this grain's login with no usable password if there is none, and in
    /// either case a new single-use set-password link (replacing any earlier one) sent by SMS through the notification
    /// outbox, in the event's transaction. Only the link token's hash is kept. Refused ("login": "exists") when this
    /// login is someone else's, and ("login": "disabled") when the account is disabled.
    /// </summary>
    [Alias("InviteMerchantAdmin")]
    Task<CommandResult<UserAccount>> InviteMerchantAdmin(MerchantAdminInvite invite, string actor);

    /// <summary>The owner of a set-password link chooses a password: once, before the link expires, while the account is enabled.</summary>
    [Alias("UseSetupLink")]
    Task<SetupLinkOutcome> UseSetupLink(string secret, string passwordHash);

    /// <summary>Whether a set-password link would be taken now, without using it (the page says so before anyone types).</summary>
    [Alias("CheckSetupLink")]
    Task<SetupLinkOutcome> CheckSetupLink(string secret);

    /// <summary>Lifts a lockout after too many wrong passwords.</summary>
    [Alias("Unlock")]
    Task<CommandResult<UserAccount>> Unlock(string actor);

    /// <summary>Whether the account is locked out now. Counted here, so every web host sees the same count.</summary>
    [Alias("SignInGate")]
    Task<SignInGate> Gate();

    /// <summary>A wrong password: counted, and the account locks for <paramref name="lockFor"/> once <paramref name="limit"/> are reached.</summary>
    [Alias("SignInFailed")]
    Task<SignInGate> SignInFailed(int limit, TimeSpan lockFor);

    /// <summary>A right password: the failures so far are forgotten.</summary>
    [Alias("SignInSucceeded")]
    Task SignInSucceeded();
}
