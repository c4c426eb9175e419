using System.Security.Claims;
using HomeService.CallCenter;
using HomeService.Web.Auth;
using HomeService.Web.Localization;
using HomeService.Web.Voice;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HomeService.Web.Api;

/// <summary>
/// The browser phone's sign-in for the signed-in agent's own seat (sip gateway): a short-lived SIP credential for the
/// seat's extension, never a static password in the page. The console asks again before it expires.
/// </summary>
public static class SeatPhoneEndpoints
{
    /// <summary>Uri: the seat's SIP address; Username and Password: for the edge's digest challenge, valid until ExpiresAt.</summary>
    public sealed record SeatPhone(string WebSocketUrl, string Uri, string Extension, string DisplayName, string Username, string Password, DateTimeOffset ExpiresAt);

    /// <summary>Mapped inside the console group: Agent policy, and a login without a seat is already refused there.</summary>
    public static RouteGroupBuilder MapSeatPhone(this RouteGroupBuilder console)
    {
        console.MapPost("/phone", Issue);
        return console;
    }

    private static async Task<Results<Ok<SeatPhone>, ProblemHttpResult>> Issue(ClaimsPrincipal user, HttpContext http, IGrainFactory grains,
        TimeProvider clock, UiText text, [FromServices] SeatPhoneSettings? phone)
    {
        if (phone is null) return Problems.Status(404, ProblemTypes.NotFound, text["console.phone.none"]);
        if (user.Find(HomeServiceClaims.AgentId) is not { } agentId
            || await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetAgent(agentId) is not { } seat)
            return Problems.Status(403, ProblemTypes.Forbidden, "This login has no agent seat.");
        var credential = SeatCredentials.Issue(phone.SharedSecret, seat.Extension, clock.GetUtcNow(), phone.CredentialLifetime);
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SeatPhone(phone.WebSocketUrl.ToString(), $"sip:{seat.Extension}@{phone.Domain}", seat.Extension,
            seat.Name, credential.Username, credential.Password, credential.ExpiresAt));
    }
}
