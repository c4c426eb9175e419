using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>
/// Business attributes per category (业务属性定义): an order must carry its category's own fields, named in the
/// agent's language when missing; an admin's change of terms reaches new orders only.
/// </summary>
public sealed class CategoryTermsTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private static object DeepClean(Dictionary<string, string>? requirements) => new
    {
        contactPhone = "13612345678", category = "deep-clean", address = "二七区大学路 20 号", district = "二七区",
        windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(6), requirements,
    };

    [Fact]
    public async Task A_move_in_clean_needs_the_number_of_rooms_and_keeps_it_on_the_order()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");

        var missing = await agent.Http.PostAsJsonAsync("/api/orders", DeepClean(null));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("请填写房间数。", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requirements.rooms")[0].GetString());

        var badNumber = await agent.Http.PostAsJsonAsync("/api/orders", DeepClean(new() { ["rooms"] = "三间" }));
        Assert.Equal("房间数的格式不正确。",
            (await badNumber.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requirements.rooms")[0].GetString());

        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = JsonContent.Create(DeepClean(null)) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var inEnglish = await agent.Http.SendAsync(english);
        Assert.Contains("Rooms", (await inEnglish.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requirements.rooms")[0].GetString());

        var created = await agent.Http.PostAsJsonAsync("/api/orders", DeepClean(new() { ["rooms"] = " 3 ", ["area"] = "" }));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("3", order.GetProperty("requirements").GetProperty("rooms").GetString());
        Assert.False(order.GetProperty("requirements").TryGetProperty("area", out _));
        Assert.Equal(["deep-clean"], order.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task A_change_of_terms_reaches_new_orders_only()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var admin = await WebSession.SignIn(Web, "admin");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var before = await Created(agent, ServiceOrderFlowTests.Order("home-clean", "金水区"));

        var terms = new
        {
            fields = new[] { new { key = "pets", nameZh = "宠物情况", nameEn = "Pets at home", type = "text", required = true } },
            dispatchSlaMinutes = 20, completionGraceHours = 6, priceGuideZh = "每小时 50 元", priceGuideEn = "¥50 an hour",
            skills = new[] { "home-clean", "pet-care" },
        };
        var changed = await admin.Http.PutAsJsonAsync("/api/admin/catalogue/home-clean/terms", terms);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(2, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("termsVersion").GetInt32());

        // The public catalogue shows the new terms at once.
        var catalogue = await new HttpClient { BaseAddress = Web.BaseAddress }.GetFromJsonAsync<JsonElement>("/api/catalogue");
        var homeClean = catalogue.EnumerateArray().SelectMany(t => t.GetProperty("children").EnumerateArray())
            .Single(c => c.GetProperty("code").GetString() == "home-clean");
        Assert.Equal("每小时 50 元", homeClean.GetProperty("terms").GetProperty("priceGuideZh").GetString());

        // A new order needs the new field and the new skill; the order taken before keeps its terms.
        var refused = await agent.Http.PostAsJsonAsync("/api/orders", ServiceOrderFlowTests.Order("home-clean", "金水区"));
        Assert.Equal("请填写宠物情况。", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("requirements.pets")[0].GetString());
        var after = await Created(agent, new
        {
            contactPhone = "13612345678", category = "home-clean", address = "金水区经三路 15 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(4),
            requirements = new Dictionary<string, string> { ["pets"] = "一只猫" },
        });
        Assert.Equal(["home-clean"], before.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["home-clean", "pet-care"], after.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));

        // W001 has home cleaning but not pet care: fine for the old order, not for the new one.
        foreach (var o in new[] { before, after })
            Assert.Equal(HttpStatusCode.OK, (await merchant.Http.PostAsync($"/api/merchant/orders/{o.GetProperty("orderNo").GetString()}/accept", null)).StatusCode);
        var forNew = await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{after.GetProperty("orderNo").GetString()}/assign", new { workerId = "W001" });
        Assert.Equal(HttpStatusCode.Conflict, forNew.StatusCode);
        Assert.Contains("技能", (await forNew.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var forOld = await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{before.GetProperty("orderNo").GetString()}/assign", new { workerId = "W001" });
        Assert.Equal(HttpStatusCode.OK, forOld.StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_changes_terms_and_bad_terms_are_named_field_by_field()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        var terms = new { fields = Array.Empty<object>(), skills = new[] { "drain" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync("/api/admin/catalogue/drain/terms", terms)).StatusCode);

        using var admin = await WebSession.SignIn(Web, "admin");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PutAsJsonAsync("/api/admin/catalogue/no-such/terms", terms)).StatusCode);
        var bad = await admin.Http.PutAsJsonAsync("/api/admin/catalogue/drain/terms", new
        {
            fields = new[] { new { key = "floor", nameZh = "楼层", nameEn = "Floor", type = "colour", required = true } },
            dispatchSlaMinutes = 0, skills = new[] { "drain" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("字段类型不存在。", errors.GetProperty("fields[0].type")[0].GetString());
        Assert.Equal("派单时限（分钟）应在 1-10080 之间。", errors.GetProperty("dispatchSlaMinutes")[0].GetString());

        // Nothing was half written: the category's terms are as they were.
        var catalogue = await admin.Http.GetFromJsonAsync<JsonElement>("/api/catalogue");
        var drain = catalogue.EnumerateArray().SelectMany(t => t.GetProperty("children").EnumerateArray()).Single(c => c.GetProperty("code").GetString() == "drain");
        Assert.Equal((1, 15), (drain.GetProperty("termsVersion").GetInt32(), drain.GetProperty("terms").GetProperty("dispatchSlaMinutes").GetInt32()));
    }

    private static async Task<JsonElement> Created(WebSession agent, object order)
    {
        var response = await agent.Http.PostAsJsonAsync("/api/orders", order);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
