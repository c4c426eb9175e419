using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>
/// 话务配置 · the caller blacklist (黑名单). Admins list, block, lift and revert; agents and supervisors block the caller of a
/// call from the call history (an agent only a call they answered). A blacklisted caller hears a message and never
/// reaches a queue, from the next call on.
/// </summary>
public static class BlacklistEndpoints
{
    public sealed record BlockBody(string? Number, string? Reason, DateOnly? ExpiresOn);

    public sealed record CallBlockBody(string? Reason, DateOnly? ExpiresOn);

    public sealed record NoteBody(string? Reason);

    public static RouteGroupBuilder MapBlacklistEndpoints(this RouteGroupBuilder api)
    {
        var list = api.MapGroup("/admin/blacklist").WithTags("Back office: call center");
        list.MapGet("/", List).RequireAuthorization(Policies.Admin)
            .WithSummary("The blacklist: q searches number and reason; state active|expired|lifted; 50 a page");
        list.MapPost("/", Block).RequireAuthorization(Policies.Admin)
            .WithSummary("Block a number, or change its reason or expiry")
            .WithDescription("number (digits, + allowed, normalized as calls are), reason (up to 100 characters), expiresOn (yyyy-MM-dd, "
                + "Asia/Shanghai, blocked through that day; from today up to 3 years ahead). Withheld callers are blocked per hotline "
                + "(blockWithheld), not here.");
        list.MapPost("/{number}/unblock", Unblock).RequireAuthorization(Policies.Admin).WithSummary("Lift a block (reason required)");
        list.MapPost("/{number}/revert", Revert).RequireAuthorization(Policies.Admin)
            .WithSummary("Revert a number's entry to its previous version (as a new version; before the first: not blocked)");
        list.MapPost("/calls/{callId}", BlockFromCall).RequireAuthorization(Policies.CallCenter)
            .WithSummary("Block the caller of a call from the call history")
            .WithDescription("For agents (only calls they answered; others are 404), supervisors and admins. reason and expiresOn as for a block.");
        return api;
    }

    private static async Task<Ok<HotlineReader.BlacklistPage>> List(HotlineReader reader, TimeProvider clock, string? q, string? state, int? page) =>
        TypedResults.Ok(await reader.Blacklist(q is { Length: > 32 } ? q[..32] : q, state, Today(clock), page ?? 1));

    private static async Task<Results<Ok<BlacklistVersion>, ValidationProblem, ProblemHttpResult>> Block(BlockBody body, ClaimsPrincipal user,
        HotlineCommands commands, UiText text) =>
        HotlineEndpoints.Answer(await commands.Block(user, body.Number, body.Reason, body.ExpiresOn), text, "blacklist");

    private static async Task<Results<Ok<BlacklistVersion>, ValidationProblem, ProblemHttpResult>> Unblock(string number, NoteBody body,
        ClaimsPrincipal user, HotlineCommands commands, UiText text) =>
        HotlineEndpoints.Answer(await commands.Unblock(user, number, body.Reason), text, "blacklist");

    private static async Task<Results<Ok<BlacklistVersion>, ValidationProblem, ProblemHttpResult>> Revert(string number, ClaimsPrincipal user,
        HotlineCommands commands, UiText text) =>
        HotlineEndpoints.Answer(await commands.RevertBlock(user, number), text, "blacklist");

    private static async Task<Results<Ok<BlacklistVersion>, ValidationProblem, ProblemHttpResult>> BlockFromCall(string callId, CallBlockBody body,
        ClaimsPrincipal user, HotlineCommands commands, UiText text) =>
        HotlineEndpoints.Answer(await commands.BlockFromCall(user, callId, body.Reason, body.ExpiresOn), text, "blacklist");

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
}
