using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// A center whose only allowed inside webhook target is 127.0.0.1, with two receivers: one there (allowed; it always
/// answers 500, so deliveries keep being retried) and one on 127.0.0.2 (inside and not allowed).
/// </summary>
public sealed class WebhookTargetDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public Receiver Allowed { get; } = new("127.0.0.1");
    public Receiver Inside { get; } = new("127.0.0.2");

    public async Task InitializeAsync()
    {
        await Allowed.Start();
        await Inside.Start();
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:Webhooks:AllowedTargets"] = "127.0.0.1" });
    }

    public async Task DisposeAsync()
    {
        await Deployment.DisposeAsync();
        await Allowed.DisposeAsync();
        await Inside.DisposeAsync();
    }

    /// <summary>A partner's order through the partner API, whose changes its webhooks report; its number.</summary>
    public static async Task<string> PartnerOrder(HttpClient partner)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
        {
            Content = JsonContent.Create(new
            {
                contactPhone = "13577778888", category = "drain", address = "中原区建设路 99 号", district = "中原区",
                windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(5),
            }),
            Headers = { { "Idempotency-Key", $"target-{Guid.NewGuid():N}" } },
        };
        var created = await partner.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    public sealed class Receiver(string address) : IAsyncDisposable
    {
        private WebApplication _app = null!;
        public ConcurrentQueue<string> Deliveries { get; } = new();
        public string Url { get; private set; } = "";

        public async Task Start()
        {
            var port = Ports.Free();
            Url = $"http://{address}:{port}/hook";
            var builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls($"http://{address}:{port}");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.MapPost("/hook", (HttpContext http) =>
            {
                Deliveries.Enqueue(http.Request.Headers["X-HomeService-Delivery"]!);
                return Results.StatusCode(500);
            });
            await _app.StartAsync();
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

/// <summary>
/// Webhooks cannot reach inside the center's network: an inside target is refused at subscription with a problem naming
/// the url field in the partner's language, and at delivery by the address actually connected to; a deleted subscription
/// gets nothing more, not even the retries of changes made before.
/// </summary>
public sealed class WebhookTargetTests(WebhookTargetDeployment fixture) : IClassFixture<WebhookTargetDeployment>
{
    private TestDeployment Deployment => fixture.Deployment;

    [Theory]
    [InlineData("http://10.0.0.5/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://[::ffff:192.168.1.1]/hook")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://127.0.0.2:8080/hook")]
    public async Task An_inside_target_is_refused_at_subscription_with_the_url_named_in_the_partners_language(string url)
    {
        using var partner = Partner(language: null);
        var refused = await partner.PostAsJsonAsync("/api/partner/webhooks", new { url });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        Assert.StartsWith("Webhook 地址指向中心内部网络", problem.GetProperty("errors").GetProperty("url")[0].GetString());

        using var english = Partner(language: "en");
        var englishProblem = await (await english.PostAsJsonAsync("/api/partner/webhooks", new { url })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith("Webhook URL points inside the center's network", englishProblem.GetProperty("errors").GetProperty("url")[0].GetString());
        Assert.DoesNotContain((await partner.GetFromJsonAsync<JsonElement>("/api/partner/webhooks")).EnumerateArray(),
            s => s.GetProperty("url").GetString() == url);
    }

    [Fact]
    public async Task A_subscription_whose_name_now_points_inside_gets_no_delivery_and_says_why()
    {
        // Subscribed while its name resolved nowhere (or outside); by the time of the delivery it points at 127.0.0.2,
        // as after a DNS change. The subscription check could not see that; the connection does.
        using var partner = Partner(language: null);
        var subscribed = await (await partner.PostAsJsonAsync("/api/partner/webhooks", new { url = $"http://rebind-{Guid.NewGuid():N}.example/hook" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(subscribed.GetProperty("id").GetString()!);
        await Deployment.Sql($"UPDATE webhook_subscription SET url = '{fixture.Inside.Url}' WHERE id = '{id}'");

        await WebhookTargetDeployment.PartnerOrder(partner);
        await Eventually.True(async () => await Deployment.Scalar<long>(
                "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND last_error LIKE 'Webhook target refused: 127.0.0.2 resolves to 127.0.0.2%'", id) > 0,
            TimeSpan.FromSeconds(30), "the delivery was refused with its reason");
        Assert.Empty(fixture.Inside.Deliveries);
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND delivered_at IS NOT NULL", id));
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/api/partner/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_deleted_subscription_gets_no_more_deliveries_not_even_retries()
    {
        using var partner = Partner(language: null);
        var subscribed = await (await partner.PostAsJsonAsync("/api/partner/webhooks", new { url = fixture.Allowed.Url })).Content.ReadFromJsonAsync<JsonElement>();
        var id = Guid.Parse(subscribed.GetProperty("id").GetString()!);

        // The receiver answers 500: without the deletion each change would come again after 2, 4, 8 … seconds.
        var orderNo = await WebhookTargetDeployment.PartnerOrder(partner);
        await Eventually.True(() => Task.FromResult(!fixture.Allowed.Deliveries.IsEmpty), TimeSpan.FromSeconds(30), "the first attempt arrived");
        Assert.Equal(HttpStatusCode.NoContent, (await partner.DeleteAsync($"/api/partner/webhooks/{id}")).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1)); // an attempt already on its way when the deletion committed may still land
        var seen = fixture.Allowed.Deliveries.Count;
        var attempts = await Deployment.Scalar<long>("SELECT coalesce(sum(attempts), 0) FROM webhook_delivery WHERE subscription_id = $1", id);

        // A new change of the order is not queued for it, and the earlier ones are not retried.
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/partner/orders/{orderNo}/cancel") { Content = JsonContent.Create(new { reason = "test" }) };
        Assert.Equal(HttpStatusCode.OK, (await partner.SendAsync(cancel)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(7));
        Assert.Equal(seen, fixture.Allowed.Deliveries.Count);
        Assert.Equal(attempts, await Deployment.Scalar<long>("SELECT coalesce(sum(attempts), 0) FROM webhook_delivery WHERE subscription_id = $1", id));
        Assert.Equal(0L, await Deployment.Scalar<long>(
            "SELECT count(*) FROM webhook_delivery WHERE subscription_id = $1 AND payload->>'status' = 'Cancelled'", id));
    }

    private HttpClient Partner(string? language)
    {
        var http = new HttpClient { BaseAddress = Deployment.WebHosts[0].BaseAddress };
        http.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.PartnerKey);
        if (language is not null) http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return http;
    }

}
