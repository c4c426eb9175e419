using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// The supervisor's order statistics over orders driven through the real API. The demo data's imported orders are
/// days old, so every assertion uses a range that starts when this test does.
/// </summary>
public sealed class OrderStatisticsTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" });
        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_supervisor_sees_counts_second_dispatches_satisfaction_and_complaints_of_the_orders_in_the_range()
    {
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var agent = await WebSession.SignIn(_web, "agent1");
        using var merchant1 = await WebSession.SignIn(_web, "merchant1");
        using var worker = await WebSession.SignIn(_web, "worker1");

        // A: accepted at once, served, rated 2 → a linked complaint.
        var a = await Create(agent, "home-clean", "金水区");
        await Ok(merchant1.Http.PostAsync($"/api/merchant/orders/{a}/accept", null));
        await Serve(merchant1, worker, a);

        // B: refused, so an agent dispatches it a second time; then served by the same worker (now free) and rated 5.
        var b = await Create(agent, "home-clean", "金水区");
        await Ok(merchant1.Http.PostAsJsonAsync($"/api/merchant/orders/{b}/refuse", new { reason = "人手不足" }));
        await Ok(agent.Http.PostAsJsonAsync($"/api/orders/{b}/dispatch", new { merchantId = "M001", reason = "客户指定该公司" }));
        await Ok(merchant1.Http.PostAsync($"/api/merchant/orders/{b}/accept", null));
        await Serve(merchant1, worker, b);

        // C: offered to the repair company and not answered yet.
        var c = await Create(agent, "appliance", "中原区");

        await FollowUp(agent, a, score: 2, resolved: false);
        await FollowUp(agent, b, score: 5, resolved: true);

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}";
        var stats = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/stats/orders?{range}");

        Assert.Equal(4, stats.GetProperty("total").GetInt64()); // A, B, C and A's complaint
        var counts = stats.GetProperty("counts");
        Assert.Equal(new Dictionary<string, long> { ["service"] = 3, ["complaint"] = 1 }, Groups(counts, "kind"));
        Assert.Equal(new Dictionary<string, long> { ["Closed"] = 2, ["Offered"] = 1, ["Registered"] = 1 }, Groups(counts, "status"));
        Assert.Equal(2, Groups(counts, "category")["home-clean"]);
        Assert.Equal(1, Groups(counts, "category")["appliance"]);
        Assert.Equal(new Dictionary<string, long> { ["M001"] = 2, ["M003"] = 1, ["(none)"] = 1 }, Groups(counts, "merchant"));
        Assert.Equal(new Dictionary<string, long> { ["金水区"] = 2, ["中原区"] = 1, ["(none)"] = 1 }, Groups(counts, "district"));

        var accept = stats.GetProperty("dispatchToAccept");
        Assert.Equal(2, accept.GetProperty("count").GetInt64());
        Assert.InRange(accept.GetProperty("p90Seconds").GetDouble(), accept.GetProperty("p50Seconds").GetDouble(), 120);

        var second = stats.GetProperty("secondDispatch");
        Assert.Equal((3, 1), (second.GetProperty("offered").GetInt64(), second.GetProperty("redispatched").GetInt64()));
        Assert.Equal(1.0 / 3, second.GetProperty("rate").GetDouble(), 6);

        var completion = stats.GetProperty("completion");
        Assert.Equal(2, completion.GetProperty("count").GetInt64());
        Assert.True(completion.GetProperty("averageSeconds").GetDouble() > 0);

        var satisfaction = stats.GetProperty("satisfaction");
        Assert.Equal(2, satisfaction.GetProperty("rated").GetInt64());
        Assert.Equal(3.5, satisfaction.GetProperty("average").GetDouble(), 6);
        Assert.Equal([0L, 1, 0, 0, 1], satisfaction.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("count").GetInt64()));

        var complaints = stats.GetProperty("complaintRate");
        Assert.Equal((1, 2), (complaints.GetProperty("complaints").GetInt64(), complaints.GetProperty("completed").GetInt64()));
        Assert.Equal(0.5, complaints.GetProperty("rate").GetDouble(), 6);

        var daily = stats.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(4, daily.Sum(d => d.GetProperty("created").GetInt64()));
        Assert.Equal(2, daily.Sum(d => d.GetProperty("completed").GetInt64()));

        // Filters narrow every figure: the repair order alone has no completions, so no complaint rate.
        var repair = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/stats/orders?{range}&district={Uri.EscapeDataString("中原区")}");
        Assert.Equal(1, repair.GetProperty("total").GetInt64());
        Assert.Equal((1, 0), (repair.GetProperty("secondDispatch").GetProperty("offered").GetInt64(),
            repair.GetProperty("secondDispatch").GetProperty("redispatched").GetInt64()));
        Assert.Equal(JsonValueKind.Null, repair.GetProperty("complaintRate").GetProperty("rate").ValueKind);

        var csv = await supervisor.Http.GetAsync($"/api/stats/orders.csv?{range}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFFdimension,key,count\n", text);
        Assert.Contains("district,金水区,2\n", text);
        Assert.Contains("kind,service,3\n", text);
    }

    [Fact]
    public async Task An_empty_range_gives_zeros_and_nulls_and_no_range_means_the_last_30_days()
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var empty = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/stats/orders?from=2001-02-01&to=2001-02-28");
        Assert.Equal(0, empty.GetProperty("total").GetInt64());
        Assert.Equal(0, empty.GetProperty("counts").GetProperty("kind").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("completion").GetProperty("averageSeconds").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("satisfaction").GetProperty("average").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("secondDispatch").GetProperty("rate").ValueKind);
        var days = empty.GetProperty("daily").EnumerateArray().ToList();
        Assert.Equal(28, days.Count); // a date alone is a whole day: the 28th is included
        Assert.Equal(("2001-02-01", "2001-02-28"), (days[0].GetProperty("date").GetString(), days[^1].GetProperty("date").GetString()));
        Assert.All(days, d => Assert.Equal(0, d.GetProperty("created").GetInt64()));

        var recent = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/stats/orders");
        Assert.Equal(TimeSpan.FromDays(30), recent.GetProperty("to").GetDateTimeOffset() - recent.GetProperty("from").GetDateTimeOffset());
        Assert.Equal(30, recent.GetProperty("daily").GetArrayLength());
        Assert.True(recent.GetProperty("total").GetInt64() >= 4, "the demo history of the last weeks is in the default range");
    }

    [Fact]
    public async Task Only_supervisors_and_admins_may_read_statistics()
    {
        foreach (var (login, expected) in new[] { ("merchant1", HttpStatusCode.Forbidden), ("agent1", HttpStatusCode.Forbidden),
                     ("supervisor", HttpStatusCode.OK), ("admin", HttpStatusCode.OK) })
        {
            using var session = await WebSession.SignIn(_web, login);
            Assert.Equal((login, expected), (login, (await session.Http.GetAsync("/api/stats/orders")).StatusCode));
            Assert.Equal((login, expected), (login, (await session.Http.GetAsync("/api/stats/orders.csv")).StatusCode));
        }
        using var anonymous = WebSession.Anonymous(_web);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/api/stats/orders")).StatusCode);
    }

    [Theory]
    [InlineData("from=2026-03-01&to=2026-02-01", "to", "统计结束时间须晚于开始时间。")]
    [InlineData("from=2024-01-01&to=2025-06-30", "to", "统计结束时间：统计范围不能超过 366 天。")]
    [InlineData("kind=repair", "kind", "工单类型不存在。")]
    [InlineData("from=yesterday", "from", "统计开始时间的格式不正确。")]
    public async Task Bad_input_is_a_validation_problem_naming_the_field(string query, string field, string message)
    {
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/stats/orders?{query}");
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await supervisor.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
    }

    private static Dictionary<string, long> Groups(JsonElement counts, string dimension) =>
        counts.GetProperty(dimension).EnumerateArray().ToDictionary(g => g.GetProperty("key").GetString() ?? "(none)", g => g.GetProperty("count").GetInt64());

    private static async Task<string> Create(WebSession agent, string category, string district)
    {
        var response = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            contactName = "王先生", contactPhone = "13612345678", category, address = $"{district}经三路 15 号 2 单元 601", district,
            windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(4),
            // The repair category asks which appliance; the cleaning one has no required field.
            requirements = category == "appliance" ? new Dictionary<string, string> { ["appliance"] = "海尔冰箱" } : [],
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    private static async Task Serve(WebSession merchant, WebSession worker, string orderNo)
    {
        await Ok(merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" }));
        foreach (var step in new[] { "check-in", "check-out" }) await Ok(worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null));
    }

    private static async Task FollowUp(WebSession agent, string orderNo, int score, bool resolved)
    {
        await Eventually.True(async () =>
            (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray().Any(o => o.GetProperty("orderNo").GetString() == orderNo),
            TimeSpan.FromSeconds(30), $"the follow-up of {orderNo} falls due");
        await Ok(agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", new { score, resolved }));
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
