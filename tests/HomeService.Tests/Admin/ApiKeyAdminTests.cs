using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Admin;

/// <summary>One silo and two web hosts; key grains write their last use every second instead of every minute.</summary>
public sealed class KeyDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb WebA => Deployment.WebHosts[0];
    public RunningWeb WebB => Deployment.WebHosts[1];

    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 2,
        new() { ["HomeService:ApiKeys:LastUsedWriteEvery"] = "00:00:01" });

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// 接口密钥 through the admin API as a switch or partner would feel it: a key works on every web host the moment it is
/// issued, and stops on every web host within seconds of a revoke, an expiry or the end of a rotation's overlap.
/// </summary>
public sealed class ApiKeyAdminTests(KeyDeployment fixture) : IClassFixture<KeyDeployment>
{
    private static readonly TimeSpan Seconds5 = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_revoked_telephony_key_is_refused_on_the_second_web_host_within_5_seconds()
    {
        using var admin = await WebSession.SignIn(fixture.WebA, "admin");
        var issued = await Issue(admin, new { name = "Shenzhen PBX", kind = "telephony" });
        var key = issued.GetProperty("apiKey").GetString()!;
        var keyId = issued.GetProperty("key").GetProperty("keyId").GetString()!;
        Assert.StartsWith(keyId + ".", key);
        Assert.Equal("active", issued.GetProperty("key").GetProperty("state").GetString());

        var whoami = await WhoAmI(fixture.WebB, key);
        Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        var identity = await whoami.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Shenzhen PBX", identity.GetProperty("name").GetString());
        Assert.Equal("telephony", identity.GetProperty("kind").GetString());
        // A telephony key may call the switch API and nothing a partner may.
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(fixture.WebB, key, HttpMethod.Get, "/api/partner/orders")).StatusCode);

        var revoke = await admin.Http.PostAsJsonAsync($"/api/admin/keys/{keyId}/revoke", new { reason = "交换机更换" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal("revoked", (await revoke.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());

        await Eventually.True(async () => (await WhoAmI(fixture.WebB, key)).StatusCode == HttpStatusCode.Unauthorized, Seconds5,
            "the revoked key is refused on the second web host");
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmI(fixture.WebA, key)).StatusCode);
        var row = await ListRow(admin, keyId);
        Assert.Equal("revoked", row.GetProperty("state").GetString());
        Assert.Equal("交换机更换", row.GetProperty("revokedReason").GetString());

        // A revoke without a reason is a field error; revoking twice changes nothing.
        var noReason = await admin.Http.PostAsJsonAsync($"/api/admin/keys/{keyId}/revoke", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task A_rotated_partner_key_works_during_the_overlap_and_is_refused_after_it_and_the_partner_keeps_its_orders()
    {
        using var admin = await WebSession.SignIn(fixture.WebA, "admin");
        var first = await Issue(admin, new { name = "58 到家", kind = "partner", partnerId = "daojia58" });
        var firstKey = first.GetProperty("apiKey").GetString()!;
        var firstId = first.GetProperty("key").GetProperty("keyId").GetString()!;
        var orderNo = await PartnerOrder(fixture.WebA, firstKey);

        // Rotated with an hour's overlap: both keys work, both speak for the partner and see its order.
        var rotate = await admin.Http.PostAsJsonAsync($"/api/admin/keys/{firstId}/rotate", new { overlapMinutes = 60 });
        Assert.Equal(HttpStatusCode.Created, rotate.StatusCode);
        var second = await rotate.Content.ReadFromJsonAsync<JsonElement>();
        var secondKey = second.GetProperty("apiKey").GetString()!;
        var secondId = second.GetProperty("key").GetProperty("keyId").GetString()!;
        Assert.NotEqual(firstId, secondId);
        Assert.Equal("58 到家", second.GetProperty("key").GetProperty("name").GetString());
        Assert.Equal("daojia58", second.GetProperty("key").GetProperty("partnerId").GetString());
        Assert.Equal(firstId, second.GetProperty("key").GetProperty("rotatedFrom").GetString());
        foreach (var key in new[] { firstKey, secondKey })
        {
            var whoami = await WhoAmI(fixture.WebB, key);
            Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
            Assert.Equal("daojia58", (await whoami.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("partnerId").GetString());
            Assert.Equal(HttpStatusCode.OK, (await Send(fixture.WebB, key, HttpMethod.Get, $"/api/partner/orders/{orderNo}")).StatusCode);
        }
        var old = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/keys/{firstId}");
        Assert.Equal("expiring", old.GetProperty("state").GetString());
        Assert.Equal(secondId, old.GetProperty("rotatedTo").GetString());
        var overlapEnd = old.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(overlapEnd, DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(61));
        // Another partner's key does not see it.
        Assert.Equal(HttpStatusCode.NotFound, (await Send(fixture.WebB, TestDeployment.PartnerKey, HttpMethod.Get, $"/api/partner/orders/{orderNo}")).StatusCode);

        // The rotated key cannot be rotated again: the newer one is the one to rotate.
        var again = await admin.Http.PostAsJsonAsync($"/api/admin/keys/{firstId}/rotate", new { overlapMinutes = 60 });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("keyId", out _));

        // Rotated with no overlap: its overlap ends now, so from then on it is refused; the newest key works.
        var rotateNow = await admin.Http.PostAsJsonAsync($"/api/admin/keys/{secondId}/rotate", new { overlapMinutes = 0 });
        Assert.Equal(HttpStatusCode.Created, rotateNow.StatusCode);
        var thirdKey = (await rotateNow.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        await Eventually.True(async () => (await WhoAmI(fixture.WebB, secondKey)).StatusCode == HttpStatusCode.Unauthorized, Seconds5,
            "the key whose overlap ended is refused");
        Assert.Equal(HttpStatusCode.OK, (await Send(fixture.WebB, thirdKey, HttpMethod.Get, $"/api/partner/orders/{orderNo}")).StatusCode);
        Assert.Equal("expired", (await ListRow(admin, secondId)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task An_expired_key_is_refused_and_an_expiry_in_the_past_is_a_field_error()
    {
        using var admin = await WebSession.SignIn(fixture.WebA, "admin");
        using var english = new HttpRequestMessage(HttpMethod.Post, "/api/admin/keys")
        {
            Content = JsonContent.Create(new { name = "Old PBX", kind = "telephony", expiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }),
            Headers = { { "Accept-Language", "en" } },
        };
        var past = await admin.Http.SendAsync(english);
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("Valid through is in the past.",
            (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("expiresAt")[0].GetString());

        var issued = await Issue(admin, new { name = "Trial PBX", kind = "telephony", expiresAt = DateTimeOffset.UtcNow.AddSeconds(2) });
        var key = issued.GetProperty("apiKey").GetString()!;
        var keyId = issued.GetProperty("key").GetProperty("keyId").GetString()!;
        await Eventually.True(async () => (await WhoAmI(fixture.WebB, key)).StatusCode == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(10),
            "the key is refused once its expiry has passed");
        Assert.Equal("expired", (await ListRow(admin, keyId)).GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_last_use_shows_in_the_key_details_at_once_and_in_the_list_soon_after()
    {
        using var admin = await WebSession.SignIn(fixture.WebA, "admin");
        var issued = await Issue(admin, new { name = "Callback PBX", kind = "telephony" });
        var key = issued.GetProperty("apiKey").GetString()!;
        var keyId = issued.GetProperty("key").GetProperty("keyId").GetString()!;
        Assert.Equal(JsonValueKind.Null, issued.GetProperty("key").GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ListRow(admin, keyId)).GetProperty("lastUsedAt").ValueKind);

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await WhoAmI(fixture.WebB, key)).StatusCode);
        var details = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/keys/{keyId}");
        Assert.True(details.GetProperty("lastUsedAt").GetDateTimeOffset() >= before);
        await Eventually.True(async () => (await ListRow(admin, keyId)).GetProperty("lastUsedAt").ValueKind == JsonValueKind.String, Seconds5,
            "the list shows the last use");
        // A refused secret is not a use.
        Assert.Equal(HttpStatusCode.Unauthorized, (await WhoAmI(fixture.WebB, keyId + ".wrong-secret")).StatusCode);
    }

    [Fact]
    public async Task Issue_rotate_and_revoke_each_write_an_audit_line_with_before_and_after_and_never_the_secret()
    {
        using var admin = await WebSession.SignIn(fixture.WebA, "admin");
        var issued = await Issue(admin, new { name = "Audit partner", kind = "partner", partnerId = "audit-p1" });
        var keyId = issued.GetProperty("key").GetProperty("keyId").GetString()!;
        var secret = issued.GetProperty("apiKey").GetString()![(keyId.Length + 1)..];
        var rotated = await admin.Http.PostAsJsonAsync($"/api/admin/keys/{keyId}/rotate", new { overlapMinutes = 1440 });
        var newId = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetProperty("keyId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync($"/api/admin/keys/{keyId}/revoke", new { reason = "合作终止" })).StatusCode);

        var lines = (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?q={keyId}")).GetProperty("items").EnumerateArray().ToList();
        JsonElement Line(string action) => lines.Single(l => l.GetProperty("action").GetString() == action);
        JsonElement Json(JsonElement line, string side) => JsonDocument.Parse(line.GetProperty(side).GetString()!).RootElement;

        var issue = Line("api_key.issue");
        Assert.Equal("admin:admin", issue.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, issue.GetProperty("before").ValueKind);
        Assert.Equal("audit-p1", Json(issue, "after").GetProperty("partnerId").GetString());
        var rotate = Line("api_key.rotate");
        Assert.Equal(JsonValueKind.Null, Json(rotate, "before").GetProperty("expiresAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, Json(rotate, "before").GetProperty("rotatedTo").ValueKind);
        Assert.Equal(newId, Json(rotate, "after").GetProperty("rotatedTo").GetString());
        Assert.Equal(JsonValueKind.String, Json(rotate, "after").GetProperty("expiresAt").ValueKind);
        var revoke = Line("api_key.revoke");
        Assert.False(Json(revoke, "before").GetProperty("revoked").GetBoolean());
        Assert.True(Json(revoke, "after").GetProperty("revoked").GetBoolean());
        Assert.Equal("合作终止", Json(revoke, "after").GetProperty("revokedReason").GetString());
        // The new key's own issue line names the key it replaced.
        var newIssue = (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?q={newId}")).GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("action").GetString() == "api_key.issue");
        Assert.Equal(keyId, Json(newIssue, "after").GetProperty("rotatedFrom").GetString());

        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
        foreach (var line in lines)
        {
            var text = line.ToString();
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(Convert.ToBase64String(hash), text);
            Assert.DoesNotContain(Convert.ToHexString(hash), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("secretHash", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_partner_key_needs_a_well_formed_partner_id_and_nothing_is_issued_without_one()
    {
        using var admin = await WebSession.SignIn(fixture.WebA, "admin");
        var before = (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/keys")).GetProperty("total").GetInt32();
        var missing = await admin.Http.PostAsJsonAsync("/api/admin/keys", new { name = "无编号合作方", kind = "partner" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("请填写合作方编号。", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("partnerId")[0].GetString());
        var bad = await admin.Http.PostAsJsonAsync("/api/admin/keys", new { name = "大写合作方", kind = "partner", partnerId = "Partner One" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("partnerId", out _));
        Assert.Equal(before, (await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/keys")).GetProperty("total").GetInt32());
    }

    private static async Task<JsonElement> Issue(WebSession admin, object body)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/admin/keys", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore, "an answer with a whole key is not cached");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ListRow(WebSession admin, string keyId) =>
        (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/keys?q={keyId}")).GetProperty("items").EnumerateArray()
        .Single(r => r.GetProperty("keyId").GetString() == keyId);

    private static Task<HttpResponseMessage> WhoAmI(RunningWeb web, string key) => Send(web, key, HttpMethod.Get, "/api/keys/whoami");

    private static async Task<HttpResponseMessage> Send(RunningWeb web, string key, HttpMethod method, string path, object? body = null,
        string? idempotencyKey = null)
    {
        using var http = new HttpClient { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(method, path) { Headers = { { "X-Api-Key", key } } };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        if (body is not null) request.Content = JsonContent.Create(body);
        var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static async Task<string> PartnerOrder(RunningWeb web, string key)
    {
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var response = await Send(web, key, HttpMethod.Post, "/api/partner/orders", new
        {
            contactName = "李女士", contactPhone = "13612345678", category = "hourly", address = "金水区经三路 15 号", district = "金水区",
            windowStart = start, windowEnd = start.AddHours(2), requirements = new Dictionary<string, string>(),
        }, Guid.NewGuid().ToString());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }
}
