using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>Sign-in for scripts and mobile pages; people in a browser use the /login form.</summary>
public static class SessionEndpoints
{
    public sealed record SignInRequest(string? Login, string? Password);

    public sealed record Me(string Login, string DisplayName, IReadOnlyList<string> Roles, string LandingPage,
        string? AgentId, string? MerchantId, string? WorkerId, string? MemberId);

    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/session").WithTags("Session");
        // No request token: a sign-in has no session yet to protect, and a person signed in elsewhere may sign in again.
        group.MapPost("/", SignIn).AllowAnonymous().DisableAntiforgery().WithMetadata(CookieWrites.Exempt).RequireRateLimiting(Doors.Door.SignIn);
        group.MapDelete("/", (Delegate)SignOut).RequireAuthorization();
        api.MapGet("/me", GetMe).RequireAuthorization().WithTags("Session");
        return api;
    }

    private static async Task<Results<Ok<Me>, ValidationProblem, ProblemHttpResult>> SignIn(
        SignInRequest request, HttpContext http, SignInService signIn, UiText text)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Login)) errors["login"] = ["required"];
        else if (request.Login.Length > 64) errors["login"] = ["max_length:64"];
        if (string.IsNullOrEmpty(request.Password)) errors["password"] = ["required"];
        else if (request.Password.Length > 128) errors["password"] = ["max_length:128"];
        if (errors.Count > 0) return Problems.Validation(text, errors);

        var result = await signIn.SignIn(http, request.Login!, request.Password!);
        return result.Outcome switch
        {
            SignInOutcome.SignedIn => TypedResults.Ok(ToMe(result.Principal!)),
            SignInOutcome.Throttled => Problems.Status(429, ProblemTypes.RateLimited, text["login.throttled"]),
            _ => Problems.Status(401, ProblemTypes.InvalidCredentials, text["login.failed"]),
        };
    }

    private static async Task<NoContent> SignOut(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static Ok<Me> GetMe(ClaimsPrincipal user) => TypedResults.Ok(ToMe(user));

    private static Me ToMe(ClaimsPrincipal user) => new(
        user.Identity?.Name ?? "",
        user.Find(HomeServiceClaims.DisplayName) ?? user.Identity?.Name ?? "",
        user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
        Policies.LandingPage(user),
        user.Find(HomeServiceClaims.AgentId),
        user.Find(HomeServiceClaims.MerchantId),
        user.Find(HomeServiceClaims.WorkerId),
        user.Find(HomeServiceClaims.MemberId));
}
