using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Silo.Hosting;
using HomeService.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomeService.Tests.WorkOrders;

/// <summary>A partner's webhook receiver on loopback: signed deliveries of its orders' changes, retried after a failure.</summary>
public sealed class WebhookTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private WebApplication _receiver = null!;
    private readonly ConcurrentQueue<(string Delivery, string Signature, string Timestamp, string Body, int Answered)> _received = new();
    private int _calls;

    public async Task InitializeAsync()
    {
        // The receiver is on the loopback, which a production center refuses as a webhook target.
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:Webhooks:AllowedTargets"] = "127.0.0.1" });
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            // The partner's system is down for its first request: the delivery must come again.
            var answer = Interlocked.Increment(ref _calls) == 1 ? 500 : 200;
            _received.Enqueue((http.Request.Headers["X-HomeService-Delivery"]!, http.Request.Headers["X-HomeService-Signature"]!,
                http.Request.Headers["X-HomeService-Timestamp"]!, body, answer));
            return Results.StatusCode(answer);
        });
        await _receiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _deployment.DisposeAsync();
    }

    [Fact]
    public async Task A_partner_receives_signed_order_changes_and_a_failed_delivery_is_retried_with_the_same_id()
    {
        using var partner = new HttpClient { BaseAddress = _deployment.WebHosts[0].BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.PartnerKey);
        var hookUrl = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        Assert.Equal(HttpStatusCode.BadRequest, (await partner.PostAsJsonAsync("/api/partner/webhooks", new { url = "ftp://nope" })).StatusCode);
        var subscribed = await (await partner.PostAsJsonAsync("/api/partner/webhooks", new { url = hookUrl })).Content.ReadFromJsonAsync<JsonElement>();
        var secret = subscribed.GetProperty("secret").GetString()!;
        Assert.Equal(64, secret.Length);
        Assert.Null((await partner.GetFromJsonAsync<JsonElement>("/api/partner/webhooks"))[0].GetProperty("secret").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
        {
            Content = JsonContent.Create(new
            {
                contactPhone = "13577778888", category = "drain", address = "中原区建设路 99 号", district = "中原区",
                windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(5),
            }),
            Headers = { { "Idempotency-Key", "hook-order-1" } },
        };
        var orderNo = (await (await partner.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();

        // Created and offered: two changes, the first answered 500 once and then delivered again.
        await Eventually.True(() => Task.FromResult(_received.Count(r => r.Answered == 200) >= 2), TimeSpan.FromSeconds(30), "both changes delivered");
        var all = _received.ToList();
        Assert.All(all, r =>
        {
            Assert.Equal($"sha256={WebhookDispatcher.Sign(secret, r.Timestamp, r.Body)}", r.Signature);
            Assert.Equal(orderNo, JsonDocument.Parse(r.Body).RootElement.GetProperty("orderNo").GetString());
        });
        var failed = all.First(r => r.Answered == 500);
        Assert.Contains(all, r => r.Answered == 200 && r.Delivery == failed.Delivery);
        var statuses = all.Where(r => r.Answered == 200).Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("status").GetString()).ToList();
        Assert.Contains("Offered", statuses);
    }
}
