using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Site;

/// <summary>
/// The public site without a login and without JavaScript (the content is in the HTML): the home page's ways in,
/// search that copes with Chinese (substrings), a service's quick lookup with the merchants of a district, a
/// merchant's page with masked reviews; a resident's web rating becomes a review there, an agent's notes do not.
/// </summary>
public sealed class PublicSiteTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() =>
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private HttpClient Visitor()
    {
        var http = new HttpClient { BaseAddress = Web.BaseAddress };
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        return http;
    }

    [Fact]
    public async Task A_visitor_finds_a_service_by_part_of_its_name_and_sees_what_it_costs_and_who_comes()
    {
        using var visitor = Visitor();
        var home = await visitor.GetStringAsync("/");
        foreach (var part in new[] { "id=\"home-search\"", "href=\"/order\"", "href=\"/callback\"", "href=\"/services/deep-clean\"", "data-merchant=\"M001\"",
                     "<meta name=\"description\"", "一人一码”全面推行" })
            Assert.Contains(part, home);
        // One search over services, companies and articles: "一人一码" is in the news and the FAQ.
        var articles = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("一人一码"));
        Assert.Contains("id=\"search-articles\"", articles);
        Assert.Contains("什么是“一人一码”？怎么查验？", articles);

        // "开荒" is the start of 开荒保洁; "保洁" is in several services and in a company's name.
        var search = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("开荒"));
        Assert.Contains("href=\"/services/deep-clean\"", search);
        var wide = await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("保洁"));
        Assert.Contains("href=\"/services/home-clean\"", wide);
        Assert.Contains("data-merchant=\"M002\"", wide);
        Assert.Contains("没有找到", await visitor.GetStringAsync("/search?q=" + Uri.EscapeDataString("火箭发射")));

        var service = await visitor.GetStringAsync("/services/deep-clean");
        Assert.Contains("建筑灰尘", service); // what it covers
        Assert.Contains("按面积计价", service); // price guide
        Assert.Contains("100 ㎡ 约 1 天", service); // typical duration
        Assert.Contains("href=\"/order?category=deep-clean\"", service);
        Assert.Contains("data-merchant=\"M002\"", await visitor.GetStringAsync("/services/deep-clean?district=" + Uri.EscapeDataString("二七区")));
        var elsewhere = await visitor.GetStringAsync("/services/deep-clean?district=" + Uri.EscapeDataString("金水区"));
        Assert.DoesNotContain("data-merchant=\"M002\"", elsewhere);
        Assert.Contains("id=\"no-merchants\"", elsewhere);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/services/no-such-service")).StatusCode);
    }

    [Fact]
    public async Task A_merchants_page_shows_its_level_and_reviews_with_masked_names_and_a_residents_web_rating_joins_them()
    {
        using var visitor = Visitor();
        var page = await visitor.GetStringAsync("/merchants/M001");
        Assert.Contains("♥♥♥♥♥", page);
        Assert.Contains("阿姨做饭很合口味", page);
        Assert.Contains("王**", page);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/merchants/M999")).StatusCode);

        // A served order: the resident rates it on the web with a comment; the review shows with the name masked.
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        using var resident = await WebSession.SignIn(Web, "resident");
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            memberId = "R0001", contactName = "张女士", contactPhone = "13800138000", category = "hourly", address = "金水区花园路 8 号院", district = "金水区",
            windowStart = start, windowEnd = start.AddHours(2),
        });
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        foreach (var step in new[] { "en-route", "check-in", "check-out" })
            Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).IsSuccessStatusCode, step);
        await Eventually.True(async () => (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}")).GetProperty("status").GetString() == "FollowUpDue",
            TimeSpan.FromSeconds(30), "the follow-up falls due");
        var rated = await resident.Http.PostAsJsonAsync($"/api/member/orders/{orderNo}/rating", new { score = 5, comment = "刘阿姨干活麻利，很满意" });
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
        // The agent's later call adds notes, not a second review.
        await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/follow-up", new { score = 4, resolved = true, comment = "客户电话里说家里有老人，下次安排早班" });

        page = await visitor.GetStringAsync("/merchants/M001");
        Assert.Contains("刘阿姨干活麻利，很满意", page);
        Assert.Contains("张**", page);
        Assert.DoesNotContain("张女士", page);
        Assert.DoesNotContain("家里有老人", page);
        Assert.Equal(1L, await _deployment.Scalar<long>("SELECT count(*) FROM service_review WHERE order_no = $1", orderNo));
    }
}
