using System.Security.Claims;
using HomeService.Audit;
using HomeService.Identity;
using HomeService.Members;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace HomeService.Web.Auth;

public enum SignInOutcome { SignedIn, InvalidCredentials, Throttled }

public sealed record SignInResult(SignInOutcome Outcome, ClaimsPrincipal? Principal = null);

/// <summary>Checks a login against its account grain and issues the cookie. Password hashing runs here, not in a grain.</summary>
public sealed class SignInService(IGrainFactory grains, WebSettings settings, TimeProvider clock)
{
    /// <summary>How long failures count towards a login's lockout, and how long it then lasts.</summary>
    public static readonly TimeSpan LockoutWindow = TimeSpan.FromMinutes(5);

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>A hash of a password a person chose (registration, reset), made as sign-in checks it.</summary>
    public static string HashPassword(string password) => Hasher.HashPassword(Nobody, password);

    public static bool Verify(UserAccount account, string password) =>
        Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;

    // Checked when the login does not exist, so a miss costs as long as a wrong password and reveals nothing.
    private static readonly UserAccount Nobody = new(Guid.Empty, "", "", [], "", null, null, null, null, true);
    private static readonly string NobodyHash = Hasher.HashPassword(Nobody, Guid.NewGuid().ToString());

    public async Task<SignInResult> SignIn(HttpContext http, string login, string password)
    {
        login = await AccountLogin(login);
        var grain = grains.GetGrain<IUserAccountGrain>(login);
        // Every login's failures are counted by its account grain, also for a login that names no account (in memory
        // there, nothing stored): every web host sees one count, guessing at a missing login costs what guessing at a real
        // one does, and no web host keeps a table that grows with every name typed. Attempts per address: the sign-in door.
        var account = await grain.Get();
        if ((await grain.Gate()).Locked(clock.GetUtcNow()))
            return await Audited(new(SignInOutcome.Throttled), login, account is null ? "signin.throttled" : "signin.locked");

        var verified = account is null
            ? Burn(password)
            : Hasher.VerifyHashedPassword(account, account.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (account is null || account.Disabled || !verified)
        {
            await grain.SignInFailed(settings.LoginFailuresPerAccount, LockoutWindow);
            return await Audited(new(SignInOutcome.InvalidCredentials), login, account?.Disabled == true ? "signin.disabled" : "signin.failed");
        }
        await grain.SignInSucceeded();
        return await Audited(new(SignInOutcome.SignedIn, await SignInAs(http, account)), login, "signin.ok");
    }

    /// <summary>Every sign-in and every refused one goes to the audit log, with the login that was typed.</summary>
    private async Task<SignInResult> Audited(SignInResult result, string login, string action)
    {
        var who = login.Length > 64 ? login[..64] : login;
        await grains.GetGrain<IAuditLogGrain>(0).Record(new AuditEntry(who, action, "account", who));
        return result;
    }

    /// <summary>Issues the cookie for an account whose owner has just proved themselves otherwise (a verified registration).</summary>
    public async Task<ClaimsPrincipal> SignInAs(HttpContext http, UserAccount account)
    {
        var principal = new ClaimsPrincipal(ToIdentity(account));
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        // The page's scripts need a request token bound to the new account for their next write.
        http.User = principal;
        RequestToken.Issue(http);
        return principal;
    }

    /// <summary>
    /// The account a typed login names. A mainland mobile number in any usual form ("+86 138 0013 8000") names its resident:
    /// the login is the number itself, or the login the member had before (the demo's "resident"). One account, one
    /// lockout, however the number is typed.
    /// </summary>
    private async Task<string> AccountLogin(string typed)
    {
        var login = typed.Trim().ToLowerInvariant();
        var phone = PhoneNumber.Normalize(login);
        if (!PhoneNumber.IsMobile(phone) || login.Any(char.IsAsciiLetter)) return login;
        return (await grains.GetGrain<IMemberPhoneIndexGrain>(phone).Find())?.Login ?? phone;
    }

    private static bool Burn(string password)
    {
        Hasher.VerifyHashedPassword(Nobody, NobodyHash, password);
        return false;
    }

    public static ClaimsIdentity ToIdentity(UserAccount account)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.UserId.ToString()),
            new(ClaimTypes.Name, account.Login),
            new(HomeServiceClaims.DisplayName, account.DisplayName),
            new(HomeServiceClaims.SecurityStamp, account.SecurityStamp),
        };
        if (account.MustChangePassword) claims.Add(new(HomeServiceClaims.MustChangePassword, "true"));
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (account.AgentId is not null) claims.Add(new(HomeServiceClaims.AgentId, account.AgentId));
        if (account.MerchantId is not null) claims.Add(new(HomeServiceClaims.MerchantId, account.MerchantId));
        if (account.WorkerId is not null) claims.Add(new(HomeServiceClaims.WorkerId, account.WorkerId));
        if (account.MemberId is not null) claims.Add(new(HomeServiceClaims.MemberId, account.MemberId));
        return new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
    }
}

public static class HomeServiceClaims
{
    public const string DisplayName = "hs:display_name";
    public const string AgentId = "hs:agent_id";
    public const string MerchantId = "hs:merchant_id";
    public const string WorkerId = "hs:worker_id";
    public const string MemberId = "hs:member_id";
    public const string ApiKeyKind = "hs:api_key_kind";
    /// <summary>The partner a partner key speaks for: its orders and webhooks belong to the partner, not to one key.</summary>
    public const string PartnerId = "hs:partner_id";
    /// <summary>The account's security stamp when the cookie was issued; a different one now means the session has ended.</summary>
    public const string SecurityStamp = "hs:stamp";
    /// <summary>Signed in with a one-time password: nothing but the password change is open until it is changed.</summary>
    public const string MustChangePassword = "hs:must_change_password";

    public static string? Find(this ClaimsPrincipal user, string type) => user.FindFirst(type)?.Value;

    /// <summary>The signed-in merchant's id, or "" for anyone else: a merchant's data is always addressed from the login, never the URL.</summary>
    public static string MerchantOf(this ClaimsPrincipal user) => user.Find(HomeServiceClaims.MerchantId) ?? "";
}
