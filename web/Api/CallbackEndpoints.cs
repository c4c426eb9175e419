using HomeService.Web.Localization;
using HomeService.Web.Pages.Site;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HomeService.Web.Api;

/// <summary>A website callback request's state for the waiting page (anonymous: the request's id is unguessable and it says nothing personal).</summary>
public static class CallbackEndpoints
{
    public static RouteGroupBuilder MapCallbackEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/callbacks/{callId}", async Task<Results<Ok<CallbackStatus>, ProblemHttpResult>> (string callId, IClusterClient cluster, UiText text) =>
            await CallbackStatus.Of(cluster, callId) is { } status ? TypedResults.Ok(status) : Problems.Status(404, ProblemTypes.NotFound, text["callback.unknown"]))
            .AllowAnonymous().WithTags("Callbacks");
        return api;
    }
}
