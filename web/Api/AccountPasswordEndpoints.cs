using System.Security.Claims;
using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>Anyone signed in changes their own password; the one way out of a one-time password.</summary>
public static class AccountPasswordEndpoints
{
    public sealed record PasswordChange(string? CurrentPassword, string? NewPassword);

    public static RouteGroupBuilder MapAccountPasswordEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/account/password", Change).RequireAuthorization().WithTags("Session");
        return api;
    }

    private static async Task<Results<NoContent, ValidationProblem>> Change(PasswordChange body, ClaimsPrincipal user, HttpContext http,
        OwnPassword password, UiText text)
    {
        var errors = await password.Change(http, user, body.CurrentPassword, body.NewPassword);
        return errors.Count > 0 ? Problems.Validation(text, errors) : TypedResults.NoContent();
    }
}

/// <summary>Checks the current password, keeps the rules, stores the new one and re-issues the caller's cookie with the new stamp.</summary>
public sealed class OwnPassword(IGrainFactory grains, SignInService signIn)
{
    public async Task<Dictionary<string, string[]>> Change(HttpContext http, ClaimsPrincipal user, string? current, string? next)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(current)) errors["currentPassword"] = ["required"];
        else if (current.Length > PasswordRules.MaxLength) errors["currentPassword"] = [$"max_length:{PasswordRules.MaxLength}"];
        if (PasswordRules.Problem(next) is { } problem) errors["newPassword"] = [problem];
        else if (next == current) errors["newPassword"] = ["same-as-old"];
        if (errors.Count > 0) return errors;

        var grain = grains.GetGrain<IUserAccountGrain>(user.Identity!.Name!);
        var account = await grain.Get();
        if (account is null || !SignInService.Verify(account, current!))
        {
            errors["currentPassword"] = ["wrong-password"];
            return errors;
        }
        await grain.SetPassword(SignInService.HashPassword(next!), $"self:{account.Login}");
        await signIn.SignInAs(http, (await grain.Get())!);
        return errors;
    }
}
