using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// An agent's create sent twice with one Idempotency-Key (a retry after a timeout, through the other web host, or both
/// at once) makes one complaint, consultation, suggestion or service order, and the repeat answers with it. Keys belong
/// to the account: another agent's same key makes its own order.
/// </summary>
public sealed class StaffIdempotencyTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 2);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    public static TheoryData<string, string> Creates => new()
    {
        { "/api/complaints", """{"contactName":"张女士","contactPhone":"13800138001","severity":"medium","description":"保姆迟到两小时"}""" },
        { "/api/consultations", """{"contactName":"李先生","contactPhone":"13800138002","text":"月嫂的收费标准是多少？"}""" },
        { "/api/suggestions", """{"contactName":"王女士","contactPhone":"13800138003","text":"希望周末也能预约钟点工。"}""" },
        { "/api/orders", JsonSerializer.Serialize(new
        {
            contactPhone = "13800138004", category = "deep-clean", address = "二七区大学路 20 号", district = "二七区",
            windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(6), requirements = new { rooms = "3" },
        }) },
    };

    [Theory]
    [MemberData(nameof(Creates))]
    public async Task One_key_makes_one_order_through_either_web_host_and_at_once(string path, string body)
    {
        using var onFirst = await WebSession.SignIn(_deployment.WebHosts[0], "agent1");
        using var onSecond = await WebSession.SignIn(_deployment.WebHosts[1], "agent1");
        var before = await Orders();

        // A retry through the other web host answers with the order the first request made.
        var key = Guid.NewGuid().ToString();
        var first = await Create(onFirst, path, body, key);
        var retried = await Create(onSecond, path, body, key);
        Assert.Equal(first, retried);

        // Two at once with a new key: still one.
        var again = Guid.NewGuid().ToString();
        var both = await Task.WhenAll(Create(onFirst, path, body, again), Create(onSecond, path, body, again));
        Assert.Equal(both[0], both[1]);
        Assert.NotEqual(first, both[0]);

        // Another agent's same key is its own; no key at all makes a new order each time, as before.
        using var other = await WebSession.SignIn(_deployment.WebHosts[0], "agent2");
        Assert.NotEqual(first, await Create(other, path, body, key));
        Assert.NotEqual(await Create(onFirst, path, body, null), await Create(onFirst, path, body, null));

        Assert.Equal(before + 5, await Orders());
    }

    [Fact]
    public async Task A_blank_or_overlong_key_is_refused_naming_the_header_and_makes_nothing()
    {
        using var agent = await WebSession.SignIn(_deployment.WebHosts[0], "agent1");
        var before = await Orders();
        foreach (var key in new[] { " ", new string('k', 129) })
        {
            using var request = Request("/api/complaints", """{"contactPhone":"13800138005","severity":"low","description":"测试"}""", key);
            using var response = await agent.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _), problem.ToString());
        }
        Assert.Equal(before, await Orders());
    }

    private async Task<long> Orders() => await _deployment.Scalar<long>("SELECT count(*) FROM work_order");

    private static HttpRequestMessage Request(string path, string body, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return request;
    }

    private static async Task<string> Create(WebSession who, string path, string body, string? key)
    {
        using var request = Request(path, body, key);
        using var response = await who.Http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{path}: {(int)response.StatusCode} {json}");
        return json.GetProperty("orderNo").GetString()!;
    }
}
