using HomeService.Identity;
using HomeService.Realtime;
using HomeService.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace HomeService.Web.Realtime;

/// <summary>
/// The one hub. A connection joins only the groups its own claims entitle it to, so a merchant can never
/// listen to another merchant's pushes. Pushes arrive as "push" messages: { event, version, payload }. A connection
/// whose account is disabled or re-stamped later is ended by <see cref="LiveSessions"/>.
/// </summary>
[Authorize]
public sealed class LiveHub(LiveSessions sessions) : Hub
{
    public const string Path = "/hubs/live";

    public override async Task OnConnectedAsync()
    {
        foreach (var group in GroupsFor(Context.User!))
            await Groups.AddToGroupAsync(Context.ConnectionId, group);
        sessions.Opened(Context);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sessions.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>A round trip with no work in it: the baseline the benchmarks compare pushes against.</summary>
    public long Echo(long stamp) => stamp;

    public static IEnumerable<string> GroupsFor(System.Security.Claims.ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Agent)) yield return PushGroups.Agents;
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)) yield return PushGroups.Supervisors;
        if (user.IsInRole(Roles.Admin)) yield return PushGroups.Admins;
        if (user.Find(HomeServiceClaims.AgentId) is { } agent) yield return PushGroups.Agent(agent);
        if ((user.IsInRole(Roles.MerchantAdmin) || user.IsInRole(Roles.MerchantDispatcher)) && user.Find(HomeServiceClaims.MerchantId) is { } merchant) yield return PushGroups.Merchant(merchant);
        if (user.Find(HomeServiceClaims.WorkerId) is { } worker) yield return PushGroups.Worker(worker);
        if (user.Find(HomeServiceClaims.MemberId) is { } member) yield return PushGroups.Member(member);
    }
}
