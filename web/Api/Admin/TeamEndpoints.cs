using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Data.Admin;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api.Admin;

/// <summary>班组: teams of seats and their supervisors, changed through the directory grain. Admins only.</summary>
public static class TeamEndpoints
{
    /// <summary>A team; on a change, fields left out keep what the team has (so {"active": false} retires it).</summary>
    public sealed record TeamRequest(string? TeamId, string? Name, string? SupervisorLogin, bool? Active);

    public static RouteGroupBuilder MapTeamEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/admin/call-center/teams").RequireAuthorization(Policies.Admin).WithTags("Back office: call center");
        group.MapGet("", async (TeamReader teams) => TypedResults.Ok(await teams.List()));
        group.MapPost("", async Task<Results<Created<Team>, ValidationProblem>> (TeamRequest body, ClaimsPrincipal user, IGrainFactory grains, UiText text) =>
        {
            var result = await Directory(grains).CreateTeam(new Team(body.TeamId ?? "", body.Name ?? "", body.SupervisorLogin, true), AccountCommands.Actor(user));
            return result.Succeeded
                ? TypedResults.Created($"/api/admin/call-center/teams/{result.Value!.TeamId}", result.Value)
                : Problems.Validation(text, result.Errors!, "team");
        });
        group.MapPut("/{teamId}", async Task<Results<Ok<Team>, ValidationProblem, ProblemHttpResult>> (string teamId, TeamRequest body, ClaimsPrincipal user,
            IGrainFactory grains, UiText text) =>
        {
            if (teamId.Length > 64 || await Directory(grains).GetTeam(teamId) is not { } current) return NotFound();
            var result = await Directory(grains).UpdateTeam(Change(current, body), AccountCommands.Actor(user));
            return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.Validation(text, result.Errors!, "team");
        });
        return api;
    }

    public static Team Change(Team current, TeamRequest body) =>
        current with { Name = body.Name ?? current.Name, SupervisorLogin = body.SupervisorLogin ?? current.SupervisorLogin, Active = body.Active ?? current.Active };

    private static ICallCenterDirectoryGrain Directory(IGrainFactory grains) => grains.GetGrain<ICallCenterDirectoryGrain>(0);

    private static ProblemHttpResult NotFound() => Problems.Status(404, ProblemTypes.NotFound, "No such team.");
}
