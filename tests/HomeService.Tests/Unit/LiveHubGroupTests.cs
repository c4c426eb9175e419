using System.Security.Claims;
using HomeService.Web.Auth;
using HomeService.Web.Realtime;

namespace HomeService.Tests.Unit;

public sealed class LiveHubGroupTests
{
    private static ClaimsPrincipal User(string role, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)).Append(new Claim(ClaimTypes.Role, role)), "test", ClaimTypes.Name, ClaimTypes.Role));

    [Fact]
    public void A_merchant_admin_joins_only_its_own_merchant_group()
    {
        var groups = LiveHub.GroupsFor(User("MerchantAdmin", (HomeServiceClaims.MerchantId, "M001"))).ToList();
        Assert.Equal(["merchant:M001"], groups);
    }

    [Fact]
    public void A_merchant_dispatcher_follows_its_own_merchant_desk_live()
    {
        var groups = LiveHub.GroupsFor(User("MerchantDispatcher", (HomeServiceClaims.MerchantId, "M001"))).ToList();
        Assert.Equal(["merchant:M001"], groups);
    }

    [Fact]
    public void A_worker_linked_to_a_merchant_does_not_join_the_merchant_group()
    {
        var groups = LiveHub.GroupsFor(User("Worker", (HomeServiceClaims.MerchantId, "M001"), (HomeServiceClaims.WorkerId, "W001"))).ToList();
        Assert.Equal(["worker:W001"], groups);
    }

    [Fact]
    public void Agents_and_supervisors_get_the_call_center_groups()
    {
        Assert.Equal(["agents", "agent:A001"], LiveHub.GroupsFor(User("Agent", (HomeServiceClaims.AgentId, "A001"))).ToList());
        Assert.Equal(["supervisors"], LiveHub.GroupsFor(User("Supervisor")).ToList());
        Assert.Equal(["member:R0001"], LiveHub.GroupsFor(User("Resident", (HomeServiceClaims.MemberId, "R0001"))).ToList());
    }
}
