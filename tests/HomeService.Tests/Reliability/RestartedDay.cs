using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>After the restart the day goes on where it stopped: open orders move, new orders and calls are taken.</summary>
public static class RestartedDay
{
    public static async Task GoesOn(RunningWeb web, Dictionary<string, JsonElement> before, string callInProgress)
    {
        // The caller who was on the line through the restart hangs up: the call ends as any other.
        using var telephony = new SwitchClient(web);
        Assert.Equal("Ended", Status(await Acknowledged.Body(telephony.HangUp(callInProgress))));

        // The partner's retry of its create request, after the restart, still finds the order it made.
        var partnerOrder = await Acknowledged.Body(ScriptedDay.PartnerOrder(web, ScriptedDay.PartnerIdempotencyKey));
        Assert.Contains(partnerOrder.GetProperty("orderNo").GetString(), before.Keys);

        using var worker = await WebSession.SignIn(web, "worker1");
        using var merchant = await WebSession.SignIn(web, "merchant1");
        var inService = Single(before, "InService", "M001");
        Assert.Equal("Completed", Status(await Acknowledged.Body(worker.Http.PostAsync($"/api/worker/jobs/{inService}/check-out", null))));
        var offered = Single(before, "Offered", "M001");
        Assert.Equal("Accepted", Status(await Acknowledged.Body(merchant.Http.PostAsync($"/api/merchant/orders/{offered}/accept", null))));

        // A new order gets a number of its own, is dispatched, accepted and gets the worker the restart did not keep busy.
        using var agent = await WebSession.SignIn(web, "agent1");
        var created = await Acknowledged.Body(agent.Http.PostAsJsonAsync("/api/orders", OrderApi.HomeCleaning("13612340009")));
        var orderNo = created.GetProperty("orderNo").GetString()!;
        Assert.DoesNotContain(orderNo, before.Keys);
        Assert.Equal(("Offered", "M001"), (Status(created), created.GetProperty("merchantId").GetString()));
        Assert.Equal("Accepted", Status(await Acknowledged.Body(merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null))));
        var assigned = await Acknowledged.Body(merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" }));
        Assert.Equal("WorkerAssigned", Status(assigned));

        // The call center takes calls again: both agents get their seats ready and the switch's next call is answered.
        foreach (var login in new[] { "agent1", "agent2" })
        {
            using var seat = await WebSession.SignIn(web, login);
            await Acknowledged.Body(seat.Http.PostAsync("/api/console/login", null));
            Assert.Equal("Available", Status(await Acknowledged.Body(seat.Http.PostAsync("/api/console/ready", null))));
        }
        var callId = $"after-{Guid.NewGuid():N}";
        await Acknowledged.Body(telephony.Offer(callId, "13612340010"));
        using var supervisor = await WebSession.SignIn(web, "supervisor");
        var ringing = await SwitchClient.RingingAgent(supervisor, callId);
        Assert.Equal("Connected", Status(await Acknowledged.Body(telephony.Answered(callId, SwitchClient.SeatOf(ringing)))));
    }

    private static string Single(Dictionary<string, JsonElement> orders, string status, string merchant) => orders.Single(o =>
        Status(o.Value) == status && o.Value.GetProperty("merchantId").GetString() == merchant).Key;

    private static string? Status(JsonElement view) => view.GetProperty("status").GetString();
}
