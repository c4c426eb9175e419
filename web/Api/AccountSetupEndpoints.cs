using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>
/// The set-password link a merchant's administrator receives by SMS: with its token, anyone holding the link chooses the
/// account's password, once, before the link expires. No sign-in is needed (there is no password yet), and none is made:
/// the owner then signs in with the login and the new password.
/// </summary>
public static class AccountSetupEndpoints
{
    public sealed record SetupRequest(string? Token, string? NewPassword);
    public sealed record SetupDone(string Login);

    public static RouteGroupBuilder MapAccountSetupEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/account/setup", Use).AllowAnonymous().DisableAntiforgery().WithTags("Session");
        return api;
    }

    private static async Task<Results<Ok<SetupDone>, ValidationProblem>> Use(SetupRequest body, AccountSetup setup, UiText text)
    {
        var outcome = await setup.Use(body.Token, body.NewPassword);
        return outcome.Login is { } login ? TypedResults.Ok(new SetupDone(login)) : Problems.Validation(text, outcome.Errors, "setup");
    }
}

/// <summary>Checks the new password's rules, then hands the link's secret and the password's hash to the account's grain.</summary>
public sealed class AccountSetup(IGrainFactory grains)
{
    public sealed record Outcome(string? Login, Dictionary<string, string[]> Errors);

    /// <summary>The login a token names and where its link stands, without using it; null login for a token that cannot be one.</summary>
    public async Task<(string? Login, SetupLinkOutcome State)> Check(string? token) =>
        SetupLinkToken.TryParse(token, out var login, out var secret)
            ? (login, await grains.GetGrain<IUserAccountGrain>(login).CheckSetupLink(secret))
            : (null, SetupLinkOutcome.Invalid);

    public static string Code(SetupLinkOutcome state) =>
        state switch { SetupLinkOutcome.Expired => "link-expired", SetupLinkOutcome.Used => "link-used", _ => "invalid-link" };

    /// <summary>The login whose password is now set, or the field errors ("token": invalid-link, link-expired, link-used).</summary>
    public async Task<Outcome> Use(string? token, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrEmpty(token)) errors["token"] = ["required"];
        else if (!SetupLinkToken.TryParse(token, out _, out _)) errors["token"] = ["invalid-link"];
        if (PasswordRules.Problem(password) is { } problem) errors["newPassword"] = [problem];
        if (errors.Count > 0) return new(null, errors);

        SetupLinkToken.TryParse(token, out var login, out var secret);
        var outcome = await grains.GetGrain<IUserAccountGrain>(login).UseSetupLink(secret, SignInService.HashPassword(password!));
        if (outcome == SetupLinkOutcome.Good) return new(login, errors);
        errors["token"] = [Code(outcome)];
        return new(null, errors);
    }
}
