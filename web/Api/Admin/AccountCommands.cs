using System.Security.Claims;
using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// The back office's account commands, shared by the admin API and the admin pages so both keep the same rules. The
/// account grain validates the account itself; here are the rules about the administrator doing it: nobody disables or
/// demotes themselves, and the center never loses its last active administrator.
/// </summary>
public sealed class AccountCommands(IGrainFactory grains, AccountReader accounts)
{
    public sealed record Outcome(UserAccount? Account, IReadOnlyDictionary<string, string[]>? Errors, string? OneTimePassword = null)
    {
        public bool Succeeded => Errors is null || Errors.Count == 0;
        public bool NotFound => Errors is { } e && e.TryGetValue("login", out var codes) && codes.Contains("unknown");
    }

    /// <summary>Logins are short; anything else names no account and must not activate a grain.</summary>
    public static bool IsLogin(string login) => login.Length is > 0 and <= 64 && !login.Any(char.IsControl);

    public async Task<Outcome> Create(ClaimsPrincipal admin, string? login, AccountEdit edit)
    {
        login = login?.Trim().ToLowerInvariant() ?? "";
        if (login.Length == 0 || !IsLogin(login))
            return Invalid("login", login.Length == 0 ? "required" : "login-format");
        var password = OneTimePasswords.New();
        var result = await grains.GetGrain<IUserAccountGrain>(login).CreateStaff(edit, SignInService.HashPassword(password), Actor(admin));
        return result.Succeeded ? new(result.Value, null, password) : new(null, result.Errors);
    }

    public async Task<Outcome> Edit(ClaimsPrincipal admin, string login, AccountEdit edit)
    {
        if (await Current(login) is not { } current) return Invalid("login", "unknown");
        if (IsSelf(admin, login) && current.Roles.Contains(Roles.Admin) && !edit.Roles.Contains(Roles.Admin)) return Invalid("roles", "not-yourself");
        var result = await grains.GetGrain<IUserAccountGrain>(login).Edit(edit, Actor(admin));
        return new(result.Value, result.Errors);
    }

    public async Task<Outcome> SetDisabled(ClaimsPrincipal admin, string login, bool disabled, string? reason)
    {
        if (await Current(login) is not { } current) return Invalid("login", "unknown");
        if (disabled && IsSelf(admin, login)) return Invalid("login", "not-yourself");
        if (disabled && current.Roles.Contains(Roles.Admin) && !current.Disabled && await accounts.OtherActiveAdmins(login) == 0)
            return Invalid("login", "last-admin");
        var result = await grains.GetGrain<IUserAccountGrain>(login).SetDisabled(disabled, reason ?? "", Actor(admin));
        return new(result.Value, result.Errors);
    }

    public async Task<Outcome> ResetPassword(ClaimsPrincipal admin, string login)
    {
        if (await Current(login) is null) return Invalid("login", "unknown");
        if (IsSelf(admin, login)) return Invalid("login", "not-yourself"); // their own goes through the change form
        var password = OneTimePasswords.New();
        var result = await grains.GetGrain<IUserAccountGrain>(login).ResetPassword(SignInService.HashPassword(password), Actor(admin));
        return result.Succeeded ? new(result.Value, null, password) : new(null, result.Errors);
    }

    public async Task<Outcome> Unlock(ClaimsPrincipal admin, string login)
    {
        if (await Current(login) is null) return Invalid("login", "unknown");
        var result = await grains.GetGrain<IUserAccountGrain>(login).Unlock(Actor(admin));
        return new(result.Value, result.Errors);
    }

    public async Task<(UserAccount Account, SignInGate Gate)?> Find(string login)
    {
        if (!IsLogin(login)) return null;
        var grain = grains.GetGrain<IUserAccountGrain>(login);
        return await grain.Get() is { } account ? (account, await grain.Gate()) : null;
    }

    private async Task<UserAccount?> Current(string login) => IsLogin(login) ? await grains.GetGrain<IUserAccountGrain>(login).Get() : null;

    private static bool IsSelf(ClaimsPrincipal admin, string login) => string.Equals(admin.Identity?.Name, login, StringComparison.Ordinal);

    public static string Actor(ClaimsPrincipal admin) => $"admin:{admin.Identity!.Name}";

    private static Outcome Invalid(string field, string code) => new(null, new Dictionary<string, string[]> { [field] = [code] });
}
