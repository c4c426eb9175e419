using System.Security.Claims;
using HomeService.Broadcasts;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>Supervisor broadcasts to every agent console (班长广播).</summary>
public static class BroadcastEndpoints
{
    public sealed record PostRequest(string? Text, int? Minutes);

    public static RouteGroupBuilder MapBroadcastEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/broadcasts").WithTags("Broadcasts");
        group.MapGet("/", GetActive).RequireAuthorization(Policies.CallCenter);
        group.MapPost("/", Post).RequireAuthorization(Policies.Supervisor);
        group.MapDelete("/{id:guid}", Retract).RequireAuthorization(Policies.Supervisor);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Broadcast>>> GetActive(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IBroadcastBoardGrain>(0).GetActive());

    private static async Task<Results<Created<Broadcast>, ValidationProblem>> Post(
        PostRequest request, ClaimsPrincipal user, IGrainFactory grains, UiText text)
    {
        var author = user.Find(HomeServiceClaims.DisplayName) ?? user.Identity!.Name!;
        var result = await grains.GetGrain<IBroadcastBoardGrain>(0).Post(new PostBroadcast(request.Text ?? "", request.Minutes ?? 30, author));
        return result.Succeeded
            ? TypedResults.Created($"/api/broadcasts/{result.Value!.Id}", result.Value)
            : Problems.Validation(text, result.Errors!, "broadcast");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Retract(Guid id, ClaimsPrincipal user, IGrainFactory grains) =>
        await grains.GetGrain<IBroadcastBoardGrain>(0).Retract(id, user.Identity!.Name!)
            ? TypedResults.NoContent()
            : Problems.Status(404, ProblemTypes.NotFound, "No active broadcast has that id.");
}
