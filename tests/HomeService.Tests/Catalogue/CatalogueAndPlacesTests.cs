using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Catalogue;

/// <summary>
/// 服务目录 through the admin API as an operator would use it: a category added with one business attribute takes
/// orders until it is retired, then every way in refuses it while its orders keep their terms and name; a district and
/// a street added (and the district later renamed) are used by orders and dispatch; every change has its audit line.
/// Two web hosts: a change made on one shows on the other.
/// </summary>
public sealed class CatalogueAndPlacesTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];
    private RunningWeb OtherWeb => _deployment.WebHosts[1];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 2);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private static object Order(string category, string district, string address, Dictionary<string, string>? requirements = null) => new
    {
        contactPhone = "13612345678", category, district, address, requirements,
        windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(4),
    };

    [Fact]
    public async Task A_new_category_with_an_attribute_takes_orders_until_it_is_retired_and_its_orders_keep_their_terms_and_name()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        using var agent = await WebSession.SignIn(Web, "agent1");

        var added = await admin.Http.PostAsJsonAsync("/api/admin/catalogue", new
        {
            code = "pet-care", parentCode = "living", nameZh = "宠物照看", nameEn = "Pet care",
            terms = new
            {
                fields = new[] { new { key = "pets", nameZh = "宠物种类", nameEn = "Kind of pet", type = "choice", required = true, choices = new[] { "猫", "狗", "其他" } } },
                skills = new[] { "pet-care" }, priceGuideZh = "每次 60 元起", priceGuideEn = "From ¥60 a visit",
            },
        });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        // Every web host and the public catalogue know it at once (the catalogue grain is the only copy).
        foreach (var web in new[] { Web, OtherWeb })
        {
            using var anyone = WebSession.Anonymous(web);
            var tree = await anyone.Http.GetFromJsonAsync<JsonElement>("/api/catalogue");
            var living = tree.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "living");
            Assert.Contains(living.GetProperty("children").EnumerateArray(), c => c.GetProperty("code").GetString() == "pet-care");
        }

        // The attribute is asked for and its choices are the only answers.
        var missing = await agent.Http.PostAsJsonAsync("/api/orders", Order("pet-care", "金水区", "金水区花园路 8 号"));
        Assert.Equal("请填写宠物种类。", await FieldError(missing, "requirements.pets"));
        var notAChoice = await agent.Http.PostAsJsonAsync("/api/orders", Order("pet-care", "金水区", "金水区花园路 8 号", new() { ["pets"] = "兔子" }));
        Assert.Equal("宠物种类须从给定的选项中选择。", await FieldError(notAChoice, "requirements.pets"));
        var taken = await agent.Http.PostAsJsonAsync("/api/orders", Order("pet-care", "金水区", "金水区花园路 8 号", new() { ["pets"] = "猫" }));
        Assert.Equal(HttpStatusCode.Created, taken.StatusCode);
        var order = await taken.Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = order.GetProperty("orderNo").GetString()!;

        // Retired: no way in takes a new order of it, each with a clear field error.
        var retired = await admin.Http.PostAsJsonAsync("/api/admin/catalogue/pet-care/retire", new { text = "试点结束" });
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.False((await retired.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        var refused = await agent.Http.PostAsJsonAsync("/api/orders", Order("pet-care", "金水区", "金水区花园路 8 号", new() { ["pets"] = "猫" }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("服务类别已停用，不能选择。", await FieldError(refused, "category"));
        using var partner = new HttpClient { BaseAddress = OtherWeb.BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.PartnerKey);
        var byPartner = await partner.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
        {
            Content = JsonContent.Create(Order("pet-care", "金水区", "金水区花园路 9 号", new() { ["pets"] = "狗" })),
            Headers = { { "Idempotency-Key", "pet-care-after-retirement" } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, byPartner.StatusCode);
        Assert.Equal("服务类别已停用，不能选择。", await FieldError(byPartner, "category"));
        using (var anyone = WebSession.Anonymous(OtherWeb))
        {
            var tree = await anyone.Http.GetStringAsync("/api/catalogue");
            Assert.DoesNotContain("pet-care", tree);
            Assert.DoesNotContain("id=\"order-form\"", await anyone.Http.GetStringAsync("/order?category=pet-care"));
        }

        // The order taken before keeps its terms, and the manual dispatch queue (nobody serves pet care) still names it.
        var kept = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}");
        Assert.Equal("猫", kept.GetProperty("requirements").GetProperty("pets").GetString());
        Assert.Equal(["pet-care"], kept.GetProperty("requiredSkills").EnumerateArray().Select(s => s.GetString()));
        await Eventually.True(async () =>
        {
            var queue = await agent.Http.GetFromJsonAsync<JsonElement>("/api/work-queues/manual-dispatch");
            return queue.EnumerateArray().Any(r => r.GetProperty("orderNo").GetString() == orderNo && r.GetProperty("categoryZh").GetString() == "宠物照看");
        }, TimeSpan.FromSeconds(60), "the retired category's order still shows its name in the manual dispatch queue");

        // Each change is in the audit log, by whom, with before and after.
        var lines = await Audit("category", "pet-care");
        Assert.Equal(["category.add", "category.retire"], lines.Select(l => l.Action));
        Assert.All(lines, l => Assert.Equal("admin:admin", l.Actor));
        Assert.Null(lines[0].Before);
        Assert.Equal("choice", lines[0].After!.RootElement.GetProperty("terms").GetProperty("fields")[0].GetProperty("type").GetString());
        Assert.True(lines[1].Before!.RootElement.GetProperty("active").GetBoolean());
        Assert.False(lines[1].After!.RootElement.GetProperty("active").GetBoolean());
        Assert.Equal("试点结束", lines[1].After!.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_new_district_and_street_are_used_in_orders_and_dispatch_and_a_rename_keeps_the_old_name_valid()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");

        Assert.Equal(HttpStatusCode.Created, (await admin.Http.PostAsJsonAsync("/api/admin/places/districts",
            new { code = "xinqu", nameZh = "郑州新区", nameEn = "Zhengzhou New District" })).StatusCode);
        var street = await admin.Http.PostAsJsonAsync("/api/admin/places/districts/xinqu/streets", new { nameZh = "龙湖街道", nameEn = "Longhu Subdistrict" });
        Assert.Equal(HttpStatusCode.Created, street.StatusCode);
        Assert.Equal("xinqu-1", (await street.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("streets")[0].GetProperty("code").GetString());

        // The other web host's forms offer it soon after (it keeps the places in memory and asks for newer ones).
        using var visitor = WebSession.Anonymous(OtherWeb);
        await Eventually.True(async () => (await visitor.Http.GetStringAsync("/api/places")).Contains("龙湖街道"),
            TimeSpan.FromSeconds(30), "the new district and street reach the other web host");
        Assert.Contains("<option value=\"郑州新区\">郑州新区</option>", await visitor.Http.GetStringAsync("/order?category=home-clean"));

        // merchant1 starts serving it; an order there goes to merchant1.
        var profile = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/profile");
        var districts = profile.GetProperty("districts").EnumerateArray().Select(d => d.GetString()!).Append("郑州新区").ToArray();
        var edited = await merchant.Http.PutAsJsonAsync("/api/merchant/profile", new
        {
            contactName = profile.GetProperty("contactName").GetString(), contactPhone = profile.GetProperty("contactPhone").GetString(),
            address = profile.GetProperty("address").GetString(), categories = profile.GetProperty("categories"), districts,
            businessHours = profile.GetProperty("businessHours").GetString(), capacity = profile.GetProperty("capacity").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var first = await Created(agent, Order("home-clean", "郑州新区", "郑州新区龙湖街道如意路 8 号"));
        Assert.Equal("郑州新区", first.GetProperty("district").GetString());
        await OfferedTo(agent, first.GetProperty("orderNo").GetString()!, "M001");

        // Renamed: the old name in merchant1's service area and in a record still counts; new orders carry the new name.
        var renamed = await admin.Http.PutAsJsonAsync("/api/admin/places/districts/xinqu", new { nameZh = "郑州新城", nameEn = "Zhengzhou New Town" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(["郑州新区"], (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("formerNames").EnumerateArray().Select(n => n.GetString()));
        var second = await Created(agent, Order("home-clean", "郑州新区", "郑州新区龙湖街道如意路 10 号"));
        Assert.Equal("郑州新城", second.GetProperty("district").GetString());
        await OfferedTo(agent, second.GetProperty("orderNo").GetString()!, "M001");

        // Retired, or never known: a clear error at the district.
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync("/api/admin/places/districts/xinqu/retire", new { text = "区划调整" })).StatusCode);
        var refused = await agent.Http.PostAsJsonAsync("/api/orders", Order("home-clean", "郑州新城", "郑州新城龙湖街道 1 号"));
        Assert.Equal("所在区已停用，不能选择。", await FieldError(refused, "district"));
        var unknown = await agent.Http.PostAsJsonAsync("/api/orders", Order("home-clean", "火星区", "火星区 1 号"));
        Assert.Equal("所在区不存在。", await FieldError(unknown, "district"));
        await Eventually.True(async () => !(await visitor.Http.GetStringAsync("/api/places")).Contains("郑州新城"),
            TimeSpan.FromSeconds(30), "the retired district leaves the other web host's forms");

        // The audit log has each change with before and after.
        var lines = await Audit("district", "xinqu");
        Assert.Equal(["district.add", "district.edit", "district.retire"], lines.Select(l => l.Action));
        Assert.Equal("郑州新区", lines[1].Before!.RootElement.GetProperty("nameZh").GetString());
        Assert.Equal("郑州新城", lines[1].After!.RootElement.GetProperty("nameZh").GetString());
        Assert.Equal("区划调整", lines[2].After!.RootElement.GetProperty("reason").GetString());
        var streetLines = await Audit("street", "xinqu-1");
        Assert.Equal("street.add", Assert.Single(streetLines).Action);
        Assert.Equal("龙湖街道", streetLines[0].After!.RootElement.GetProperty("nameZh").GetString());
    }

    private sealed record AuditLine(string Action, string Actor, JsonDocument? Before, JsonDocument? After);

    private async Task<List<AuditLine>> Audit(string kind, string id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(_deployment.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "SELECT action, actor, before::text, after::text FROM audit_log WHERE target_kind = $1 AND target_id = $2 ORDER BY id", conn);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = id });
        var lines = new List<AuditLine>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            lines.Add(new AuditLine(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : JsonDocument.Parse(r.GetString(2)),
                r.IsDBNull(3) ? null : JsonDocument.Parse(r.GetString(3))));
        return lines;
    }

    private static async Task<string?> FieldError(HttpResponseMessage response, string field) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString();

    private static async Task<JsonElement> Created(WebSession agent, object order)
    {
        var response = await agent.Http.PostAsJsonAsync("/api/orders", order);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Task OfferedTo(WebSession agent, string orderNo, string merchantId) => Eventually.True(async () =>
        (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}")).GetProperty("merchantId").GetString() == merchantId,
        TimeSpan.FromSeconds(60), $"{orderNo} is offered to {merchantId}");
}
