using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Notifications;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Merchants;

/// <summary>The merchant's inbox (系统通知): a new offer arrives live and waits unread; only its merchant can read or mark it.</summary>
public sealed class InboxTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_new_offer_arrives_live_in_the_inbox_and_only_its_merchant_can_mark_it_read()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        await using var live = await LiveClient.Connect(Web, merchant);
        using var agent = await WebSession.SignIn(Web, "agent1");
        var created = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            contactPhone = "13612345678", category = "home-clean", address = "金水区经三路 15 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(4),
        });
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;

        await _deployment.Silos[0].Grains.GetGrain<IInboxRelayGrain>(0).Relay();
        var pushed = await live.Next("notification.new", p => p.GetProperty("template").GetString() == "order.offered"
            && p.GetProperty("parameters").GetProperty("orderNo").GetString() == orderNo);
        var id = pushed.GetProperty("id").GetGuid();
        var unread = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/notifications?unread=true");
        Assert.Contains(unread.EnumerateArray(), n => n.GetProperty("id").GetGuid() == id && !n.GetProperty("read").GetBoolean());

        using var merchant2 = await WebSession.SignIn(Web, "merchant2");
        Assert.DoesNotContain((await merchant2.Http.GetFromJsonAsync<JsonElement>("/api/merchant/notifications")).EnumerateArray(),
            n => n.GetProperty("id").GetGuid() == id);
        var foreign = await merchant2.Http.PostAsJsonAsync("/api/merchant/notifications/read", new { ids = new[] { id } });
        Assert.Equal(0, (await foreign.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());

        var marked = await merchant.Http.PostAsJsonAsync("/api/merchant/notifications/read", new { ids = new[] { id } });
        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.DoesNotContain((await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/notifications?unread=true")).EnumerateArray(),
            n => n.GetProperty("id").GetGuid() == id);
    }
}
