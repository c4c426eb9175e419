using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using HomeService.WorkOrders;

namespace HomeService.Tests.Merchants;

/// <summary>
/// A merchant's own information (商户信息管理): an edit reaches the agents' open lookups at once, the public merchant
/// lookup and the next dispatch; bad fields are named in the merchant's language and change nothing.
/// </summary>
public sealed class MerchantProfileTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task An_edit_reaches_the_agents_lookup_live_the_public_lookup_and_dispatch()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        await using var agentLive = await LiveClient.Connect(Web, agent);
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var profile = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/profile");
        Assert.Equal("郑州安心家政服务有限公司", profile.GetProperty("name").GetString());

        var bad = await merchant.Http.PutAsJsonAsync("/api/merchant/profile", new
        {
            contactName = "王秀兰", contactPhone = "12", address = "金水区花园路 88 号", categories = new[] { "nanny", "spaceflight" }, districts = Array.Empty<string>(),
            capacity = 0,
        });
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["contactPhone", "categories", "districts", "capacity"], errors.EnumerateObject().Select(e => e.Name));
        Assert.Equal("服务类别不存在。", errors.GetProperty("categories")[0].GetString());

        var edited = await merchant.Http.PutAsJsonAsync("/api/merchant/profile", new
        {
            contactName = "王秀兰", contactPhone = "037160001001", address = "金水区花园路 88 号", categories = new[] { "nanny", "hourly", "home-clean" },
            districts = new[] { "金水区", "二七区" }, businessHours = "每天 07:30–21:00", capacity = 30,
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var pushed = await agentLive.Next("merchant.updated", p => p.GetProperty("merchantId").GetString() == "M001");
        Assert.Equal("每天 07:30–21:00", pushed.GetProperty("businessHours").GetString());
        var lookup = await new HttpClient { BaseAddress = Web.BaseAddress }.GetFromJsonAsync<JsonElement>("/api/merchants?district=二七区&category=hourly");
        var card = lookup.EnumerateArray().Single(m => m.GetProperty("merchantId").GetString() == "M001");
        Assert.Contains(card.GetProperty("districts").EnumerateArray(), d => d.GetString() == "二七区");
        Assert.Equal("heart:5", card.GetProperty("creditLevel").GetString());
        var m001 = (await _deployment.Silos[0].Grains.GetGrain<IDispatchDirectoryGrain>(0).GetMerchants()).Single(m => m.MerchantId == "M001");
        Assert.Equal((30, true, false), (m001.Capacity, m001.Districts.Contains("二七区"), m001.Categories.Contains("elder-care")));
    }

    [Fact]
    public async Task The_public_lookup_finds_merchants_by_part_of_a_chinese_name_and_never_lists_a_suspended_one()
    {
        using var anonymous = new HttpClient { BaseAddress = Web.BaseAddress };
        var found = await anonymous.GetFromJsonAsync<JsonElement>("/api/merchants?q=洁净");
        Assert.Equal(["M002"], found.EnumerateArray().Select(m => m.GetProperty("merchantId").GetString()));

        using var admin = await WebSession.SignIn(Web, "admin");
        Assert.True((await admin.Http.PostAsJsonAsync("/api/admin/merchants/M002/suspend", new { reason = "消防检查不合格" })).IsSuccessStatusCode);
        Assert.Empty((await anonymous.GetFromJsonAsync<JsonElement>("/api/merchants?q=洁净")).EnumerateArray());
    }
}
