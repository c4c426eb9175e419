using System.Security.Claims;
using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Data;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// Merchants' logins. A merchant's administrator lists its company's logins and makes, disables, enables and resets the
/// logins of its dispatchers and workers (a one-time password, shown in this answer only, that must be changed at the
/// first sign-in). The company comes from the signed-in login: another company's login answers 404. An admin sends an
/// admitted merchant's administrator a fresh set-password link.
/// </summary>
public static class MerchantLoginEndpoints
{
    public sealed record LoginView(string Login, string DisplayName, string Role, string? WorkerId, bool Disabled, bool MustChangePassword);
    public sealed record NewLogin(string? Role, string? Login, string? DisplayName, string? WorkerId);
    public sealed record LoginReason(string? Reason);

    /// <summary>The one-time password is in this answer only; it is never stored or shown again.</summary>
    public sealed record IssuedLogin(LoginView Login, string OneTimePassword);

    public static RouteGroupBuilder MapMerchantLoginEndpoints(this RouteGroupBuilder api)
    {
        var logins = api.MapGroup("/merchant/logins").WithTags("Merchant portal").RequireAuthorization(Policies.MerchantAdmin);
        logins.MapGet("", async (ClaimsPrincipal user, MerchantLoginReader reader) => TypedResults.Ok(await reader.List(user.MerchantOf())));
        logins.MapPost("", Create);
        logins.MapPost("/{login}/disable", (string login, LoginReason body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            SetDisabled(login, true, body, user, grains, text));
        logins.MapPost("/{login}/enable", (string login, LoginReason body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
            SetDisabled(login, false, body, user, grains, text));
        logins.MapPost("/{login}/password-reset", ResetPassword);

        api.MapPost("/admin/merchants/{merchantId}/admin-login", SendAdminLink).RequireAuthorization(Policies.Admin).WithTags("Merchant admission");
        return api;
    }

    private static async Task<Results<Created<IssuedLogin>, ValidationProblem>> Create(NewLogin body, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var password = OneTimePasswords.New();
        var request = new MerchantStaffLogin(body.Role ?? "", body.Login ?? "", body.DisplayName ?? "", body.WorkerId);
        var result = await Logins(user, grains).CreateStaff(request, SignInService.HashPassword(password), Actor(user));
        return result.Succeeded
            ? TypedResults.Created($"/api/merchant/logins/{result.Value!.Login}", new IssuedLogin(View(result.Value), password))
            : Problems.Validation(text, result.Errors!, "merchantLogin");
    }

    private static async Task<Results<Ok<LoginView>, ValidationProblem, ProblemHttpResult>> SetDisabled(string login, bool disabled, LoginReason body,
        ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        if (!IsLogin(login)) return NotFound(text);
        if (ReasonProblem(body.Reason) is { } problem)
            return Problems.Validation(text, new Dictionary<string, string[]> { ["reason"] = [problem] }, "merchantLogin");
        var result = await Logins(user, grains).SetDisabled(login, disabled, body.Reason!.Trim(), Actor(user));
        return result.Succeeded ? TypedResults.Ok(View(result.Value!)) : Refused<LoginView>(result, text);
    }

    private static async Task<Results<Ok<IssuedLogin>, ValidationProblem, ProblemHttpResult>> ResetPassword(string login, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        if (!IsLogin(login)) return NotFound(text);
        var password = OneTimePasswords.New();
        var result = await Logins(user, grains).ResetPassword(login, SignInService.HashPassword(password), Actor(user));
        return result.Succeeded ? TypedResults.Ok(new IssuedLogin(View(result.Value!), password)) : Refused<IssuedLogin>(result, text);
    }

    private static async Task<Results<Ok<LoginView>, ValidationProblem, ProblemHttpResult>> SendAdminLink(string merchantId, ClaimsPrincipal user,
        IGrainFactory grains, UiText text)
    {
        if (merchantId.Length > 32) return Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"]);
        var result = await grains.GetGrain<IMerchantLoginsGrain>(merchantId).OpenAdmin($"admin:{user.Identity!.Name}");
        if (result.Succeeded) return TypedResults.Ok(View(result.Value!));
        return result.Errors!.ContainsKey("merchantId")
            ? Problems.Status(404, ProblemTypes.NotFound, text["merchant.unknown"])
            : Problems.Validation(text, result.Errors!, "merchantLogin");
    }

    private static Results<Ok<T>, ValidationProblem, ProblemHttpResult> Refused<T>(CommandResult<UserAccount> result, UiText text) =>
        result.Errors!.TryGetValue("login", out var codes) && codes.Contains("unknown")
            ? NotFound(text)
            : Problems.Validation(text, result.Errors!, "merchantLogin");

    private static ProblemHttpResult NotFound(UiText text) => Problems.Status(404, ProblemTypes.NotFound, text["merchantLogin.unknown"]);

    private static string? ReasonProblem(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "required" : reason.Trim().Length > 500 ? "max_length:500" : null;

    private static bool IsLogin(string login) => login.Length is > 0 and <= 64 && !login.Any(char.IsControl);

    private static IMerchantLoginsGrain Logins(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<IMerchantLoginsGrain>(user.MerchantOf());

    /// <summary>The company and the person: "merchant:M1001:m1001".</summary>
    private static string Actor(ClaimsPrincipal user) => $"merchant:{user.MerchantOf()}:{user.Identity!.Name}";

    public static LoginView View(UserAccount a) =>
        new(a.Login, a.DisplayName, a.Roles.FirstOrDefault() ?? "", a.WorkerId, a.Disabled, a.MustChangePassword);
}
