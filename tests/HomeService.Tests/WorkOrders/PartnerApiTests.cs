using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>The partner REST API: idempotent order creation, reads and cancels of the partner's own orders only.</summary>
public sealed class PartnerApiTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private HttpClient _partner = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        _partner = new HttpClient { BaseAddress = _deployment.WebHosts[0].BaseAddress };
        _partner.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.PartnerKey);
    }

    public async Task DisposeAsync()
    {
        _partner.Dispose();
        await _deployment.DisposeAsync();
    }

    private Task<HttpResponseMessage> Create(string key) => _partner.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
    {
        Content = JsonContent.Create(new
        {
            contactName = "物业转单", contactPhone = "13577778888", category = "drain", address = "中原区建设路 99 号", district = "中原区",
            windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(5),
        }),
        Headers = { { "Idempotency-Key", key } },
    });

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_order_even_when_retried_at_once()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Create("partner-req-1")));
        var numbers = new HashSet<string>();
        foreach (var r in responses)
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            numbers.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!);
        }
        var orderNo = Assert.Single(numbers);
        var another = await (await Create("partner-req-2")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(orderNo, another.GetProperty("orderNo").GetString());

        var mine = await _partner.GetFromJsonAsync<JsonElement>("/api/partner/orders");
        Assert.Equal(2, mine.GetProperty("total").GetInt32());
        var one = await _partner.GetFromJsonAsync<JsonElement>($"/api/partner/orders/{orderNo}");
        Assert.Equal("partner", one.GetProperty("channel").GetString());
        var cancelled = await _partner.PostAsJsonAsync($"/api/partner/orders/{orderNo}/cancel", new { reason = "业主已自行处理" });
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_retry_that_arrives_after_its_time_window_began_still_gets_its_order_and_uses_no_new_number()
    {
        var first = await (await Create("partner-req-late")).Content.ReadFromJsonAsync<JsonElement>();
        var numbersUsed = await _deployment.Scalar<int>("SELECT sum(last)::int FROM order_number_counter");
        var late = await _partner.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
        {
            // The partner's retry carries the body it sent first; by now that window is in the past.
            Content = JsonContent.Create(new
            {
                contactName = "物业转单", contactPhone = "13577778888", category = "drain", address = "中原区建设路 99 号", district = "中原区",
                windowStart = DateTimeOffset.UtcNow.AddHours(-3), windowEnd = DateTimeOffset.UtcNow.AddHours(-1),
            }),
            Headers = { { "Idempotency-Key", "partner-req-late" } },
        });
        Assert.Equal(HttpStatusCode.Created, late.StatusCode);
        Assert.Equal(first.GetProperty("orderNo").GetString(), (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString());
        Assert.Equal(numbersUsed, await _deployment.Scalar<int>("SELECT sum(last)::int FROM order_number_counter"));
    }

    [Fact]
    public async Task A_partner_sees_only_its_own_orders_and_needs_a_key_and_an_idempotency_key()
    {
        using var agent = await WebSession.SignIn(_deployment.WebHosts[0], "agent1");
        var agentsOrder = await (await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("home-clean", "金水区")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = agentsOrder.GetProperty("orderNo").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await _partner.GetAsync($"/api/partner/orders/{orderNo}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _partner.PostAsJsonAsync($"/api/partner/orders/{orderNo}/cancel", new { reason = "x" })).StatusCode);

        var noKey = await _partner.PostAsJsonAsync("/api/partner/orders", new { contactPhone = "13577778888" });
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.True((await noKey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        using var telephony = new HttpClient { BaseAddress = _deployment.WebHosts[0].BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        Assert.Equal(HttpStatusCode.Forbidden, (await telephony.GetAsync("/api/partner/orders")).StatusCode);
    }
}
