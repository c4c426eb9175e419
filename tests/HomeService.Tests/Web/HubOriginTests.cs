using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

/// <summary>
/// Cross-site WebSocket hijacking: a page of another origin that opens the hub with the signed-in person's cookie is
/// refused at negotiate and at the WebSocket handshake; the site's own pages, a configured origin and clients that name
/// no origin (the .NET SignalR client) get in.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class HubOriginTests(SharedDeployment shared)
{
    private const string Negotiate = "/hubs/live/negotiate?negotiateVersion=1";

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://127.0.0.1:1")] // our host, another port: another origin
    [InlineData("null")] // a sandboxed frame
    public async Task A_negotiate_from_another_origin_is_refused_with_a_problem(string origin)
    {
        using var agent = await WebSession.SignIn(shared.WebA, "supervisor");
        var response = await agent.Http.SendAsync(NegotiateFrom(origin));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:foreign-origin", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_negotiate_from_our_own_origin_a_configured_one_or_none_is_answered()
    {
        using var agent = await WebSession.SignIn(shared.WebA, "supervisor");
        var own = shared.WebA.BaseAddress.GetLeftPart(UriPartial.Authority);
        foreach (var origin in new[] { own, own.ToUpperInvariant().Replace("HTTP:", "http:"), TestDeployment.HubOriginAllowed, null })
        {
            var response = await agent.Http.SendAsync(NegotiateFrom(origin));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{origin ?? "no origin"}: {(int)response.StatusCode}");
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("connectionToken", out _));
        }
    }

    [Fact]
    public async Task A_websocket_handshake_from_another_origin_is_refused_and_from_ours_is_accepted()
    {
        using var agent = await WebSession.SignIn(shared.WebA, "supervisor");
        var hub = new UriBuilder(shared.WebA.BaseAddress) { Scheme = "ws", Path = "/hubs/live" }.Uri;

        using var foreign = Socket(agent, "https://evil.example");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => foreign.ConnectAsync(hub, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Forbidden, foreign.HttpStatusCode);
        Assert.NotNull(refused);

        using var own = Socket(agent, shared.WebA.BaseAddress.GetLeftPart(UriPartial.Authority));
        await own.ConnectAsync(hub, CancellationToken.None);
        Assert.Equal(WebSocketState.Open, own.State);
        await own.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    private static HttpRequestMessage NegotiateFrom(string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Negotiate);
        if (origin is not null) request.Headers.TryAddWithoutValidation("Origin", origin);
        return request;
    }

    /// <summary>A browser's handshake: the session's cookie, and the page's origin in Origin.</summary>
    private static ClientWebSocket Socket(WebSession session, string origin)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.Cookies = session.Cookies;
        socket.Options.SetRequestHeader("Origin", origin);
        return socket;
    }
}
