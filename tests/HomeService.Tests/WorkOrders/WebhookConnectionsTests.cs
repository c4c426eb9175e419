using System.Net;
using HomeService.Silo.Hosting;
using HomeService.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// The delivery side of the webhook rule: the connection itself checks the address the name resolved to, so a name
/// that resolves to the loopback ("localhost") never reaches a receiver there, whatever the subscription said.
/// </summary>
public sealed class WebhookConnectionsTests : IAsyncLifetime
{
    private WebApplication _receiver = null!;
    private int _port;
    private int _received;

    public async Task InitializeAsync()
    {
        _port = Infrastructure.Ports.Free();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{_port}");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", () => { Interlocked.Increment(ref _received); return Results.Ok(); });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_name_that_resolves_to_the_loopback_is_refused_before_anything_is_sent()
    {
        using var http = new HttpClient(WebhookConnections.Handler(WebhookTargetRule.PublicOnly));
        var failure = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync($"http://localhost:{_port}/hook", new StringContent("{}")));
        Assert.IsType<WebhookTargetRefusedException>(failure.InnerException);
        Assert.Contains("localhost resolves to", failure.InnerException!.Message);
        await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync($"http://127.0.0.1:{_port}/hook", new StringContent("{}")));
        Assert.Equal(0, _received);
    }

    [Fact]
    public async Task An_allowed_inside_address_is_reached()
    {
        using var http = new HttpClient(WebhookConnections.Handler(WebhookTargetRule.Parse(["127.0.0.1"])));
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync($"http://127.0.0.1:{_port}/hook", new StringContent("{}"))).StatusCode);
        Assert.Equal(1, _received);
    }
}
