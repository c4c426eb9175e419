using System.Security.Claims;
using HomeService.Identity;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>账号与权限: staff accounts, and disabling, unlocking or resetting any account. Admins only.</summary>
public static class AccountEndpoints
{
    public sealed record AccountView(string Login, string DisplayName, IReadOnlyList<string> Roles, string? AgentId, string? MerchantId,
        string? WorkerId, string? MemberId, string? TeamId, bool Disabled, bool MustChangePassword, DateTimeOffset? LockedUntil);

    public sealed record NewAccount(string? Login, string? DisplayName, IReadOnlyList<string>? Roles, string? AgentId, string? TeamId);

    public sealed record AccountChange(string? DisplayName, IReadOnlyList<string>? Roles, string? AgentId, string? TeamId);

    public sealed record Reason(string? Text);

    /// <summary>The one-time password is in this answer only; it is never stored or shown again.</summary>
    public sealed record IssuedPassword(AccountView Account, string OneTimePassword);

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/accounts").RequireAuthorization(Policies.Admin).WithTags("Back office: accounts");
        group.MapGet("/", List);
        group.MapGet("/{login}", Get);
        group.MapPost("/", Create);
        group.MapPut("/{login}", Edit);
        group.MapPost("/{login}/disable", (string login, Reason body, ClaimsPrincipal user, AccountCommands commands, UiText text) =>
            Answer(commands.SetDisabled(user, login, true, body.Text), text));
        group.MapPost("/{login}/enable", (string login, Reason body, ClaimsPrincipal user, AccountCommands commands, UiText text) =>
            Answer(commands.SetDisabled(user, login, false, body.Text), text));
        group.MapPost("/{login}/password-reset", ResetPassword);
        group.MapPost("/{login}/unlock", (string login, ClaimsPrincipal user, AccountCommands commands, UiText text) =>
            Answer(commands.Unlock(user, login), text));
        return api;
    }

    private static async Task<Ok<AccountReader.AccountPage>> List(AccountReader accounts, string? q, string? role, string? state, int? page) =>
        TypedResults.Ok(await accounts.List(q is { Length: > 64 } ? q[..64] : q, role, state, page ?? 1));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> Get(string login, AccountCommands commands) =>
        await commands.Find(login) is { } found ? TypedResults.Ok(View(found.Account, found.Gate)) : NotFound();

    private static async Task<Results<Created<IssuedPassword>, ValidationProblem>> Create(NewAccount body, ClaimsPrincipal user,
        AccountCommands commands, UiText text)
    {
        var outcome = await commands.Create(user, body.Login, ToEdit(body.DisplayName, body.Roles, body.AgentId, body.TeamId));
        if (!outcome.Succeeded) return Problems.Validation(text, outcome.Errors!, "account");
        return TypedResults.Created($"/api/admin/accounts/{outcome.Account!.Login}",
            new IssuedPassword(View(outcome.Account, new SignInGate(null)), outcome.OneTimePassword!));
    }

    private static Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> Edit(string login, AccountChange body,
        ClaimsPrincipal user, AccountCommands commands, UiText text) =>
        Answer(commands.Edit(user, login, ToEdit(body.DisplayName, body.Roles, body.AgentId, body.TeamId)), text);

    private static async Task<Results<Ok<IssuedPassword>, ValidationProblem, ProblemHttpResult>> ResetPassword(string login,
        ClaimsPrincipal user, AccountCommands commands, UiText text)
    {
        var outcome = await commands.ResetPassword(user, login);
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded) return Problems.Validation(text, outcome.Errors!, "account");
        return TypedResults.Ok(new IssuedPassword(View(outcome.Account!, new SignInGate(null)), outcome.OneTimePassword!));
    }

    private static async Task<Results<Ok<AccountView>, ValidationProblem, ProblemHttpResult>> Answer(Task<AccountCommands.Outcome> command, UiText text)
    {
        var outcome = await command;
        if (outcome.NotFound) return NotFound();
        if (!outcome.Succeeded) return Problems.Validation(text, outcome.Errors!, "account");
        return TypedResults.Ok(View(outcome.Account!, new SignInGate(null)));
    }

    public static AccountEdit ToEdit(string? displayName, IReadOnlyList<string>? roles, string? agentId, string? teamId) =>
        new(displayName ?? "", roles?.Select(r => r ?? "").ToList() ?? [], string.IsNullOrWhiteSpace(agentId) ? null : agentId, teamId);

    public static AccountView View(UserAccount a, SignInGate gate) => new(a.Login, a.DisplayName, a.Roles, a.AgentId, a.MerchantId, a.WorkerId,
        a.MemberId, a.TeamId, a.Disabled, a.MustChangePassword, gate.LockedUntil);

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such account.");
}
