using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using HomeService.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace HomeService.Tests.Web;

[Collection(SharedDeploymentCollection.Name)]
public sealed class PushTests(SharedDeployment shared)
{
    [Fact]
    public async Task An_agent_on_host_B_sees_a_broadcast_posted_through_host_A()
    {
        using var agent = await WebSession.SignIn(shared.WebB, "agent3");
        await using var connection = await Connect(shared.WebB, agent);
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("push", p => pushes.Writer.TryWrite(p));

        using var supervisor = await WebSession.SignIn(shared.WebA, "supervisor");
        var text = $"今天下午三点全员例会 {Guid.NewGuid():N}";
        var posted = await supervisor.Http.PostAsJsonAsync("/api/broadcasts", new { text, minutes = 10 });
        Assert.Equal(System.Net.HttpStatusCode.Created, posted.StatusCode);

        var push = await NextPush(pushes, "broadcast.posted", p => p.GetProperty("text").GetString() == text);
        Assert.Equal("周敏", push.GetProperty("payload").GetProperty("author").GetString());
        Assert.True(push.GetProperty("version").GetInt64() > 0);

        // The agent's snapshot through either host agrees with the push.
        var active = await agent.Http.GetFromJsonAsync<JsonElement>("/api/broadcasts");
        Assert.Contains(active.EnumerateArray(), b => b.GetProperty("text").GetString() == text);

        var id = push.GetProperty("payload").GetProperty("id").GetString();
        Assert.Equal(System.Net.HttpStatusCode.NoContent, (await supervisor.Http.DeleteAsync($"/api/broadcasts/{id}")).StatusCode);
        var ended = await NextPush(pushes, "broadcast.ended", p => p.GetProperty("id").GetString() == id);
        Assert.Equal("retracted", ended.GetProperty("payload").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_merchant_connection_does_not_receive_agent_broadcasts()
    {
        using var merchant = await WebSession.SignIn(shared.WebA, "merchant2");
        await using var connection = await Connect(shared.WebA, merchant);
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("push", p => pushes.Writer.TryWrite(p));
        using var agent = await WebSession.SignIn(shared.WebA, "agent1");
        await using var agentConnection = await Connect(shared.WebA, agent);
        var agentPushes = Channel.CreateUnbounded<JsonElement>();
        agentConnection.On<JsonElement>("push", p => agentPushes.Writer.TryWrite(p));

        using var supervisor = await WebSession.SignIn(shared.WebB, "supervisor");
        var text = $"仅限座席 {Guid.NewGuid():N}";
        await supervisor.Http.PostAsJsonAsync("/api/broadcasts", new { text, minutes = 5 });

        // Once the agent has it, the merchant would have had it too if it were routed there.
        await NextPush(agentPushes, "broadcast.posted", p => p.GetProperty("text").GetString() == text);
        await Task.Delay(300);
        Assert.False(pushes.Reader.TryRead(out _));
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_login()
    {
        var connection = new HubConnectionBuilder().WithUrl(new Uri(shared.WebA.BaseAddress, "/hubs/live")).Build();
        var error = await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
        Assert.Contains("401", error.Message);
        await connection.DisposeAsync();
    }

    public static async Task<HubConnection> Connect(RunningWeb web, WebSession session)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.BaseAddress, "/hubs/live"), o =>
            {
                o.Headers["Cookie"] = session.CookieHeader;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task<JsonElement> NextPush(Channel<JsonElement> pushes, string eventName, Func<JsonElement, bool> payloadMatches)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var push = await pushes.Reader.ReadAsync(cts.Token);
            if (push.GetProperty("event").GetString() == eventName && payloadMatches(push.GetProperty("payload"))) return push;
        }
    }
}
