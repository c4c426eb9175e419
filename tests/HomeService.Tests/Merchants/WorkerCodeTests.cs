using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Merchants;

/// <summary>
/// One person, one code (一人一码): the merchant records a worker's credentials and issues the code; a resident scanning
/// it sees the worker's masked name, company, colour and credentials, and nothing private; a revoked code stops working.
/// </summary>
public sealed class WorkerCodeTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task A_resident_scanning_the_code_sees_who_is_at_the_door_and_nothing_private()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var wrong = await merchant.Http.PutAsJsonAsync("/api/merchant/workers/W001/credentials", new { idNumber = "410105198503150011", idVerifiedOn = "2026-01-05" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("身份证号码有误：校验位不符，请核对。",
            (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("idNumber")[0].GetString());

        var recorded = await merchant.Http.PutAsJsonAsync("/api/merchant/workers/W001/credentials", new
        {
            idNumber = "11010519491231002X", idVerifiedOn = "2026-01-05", healthCertificateExpires = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(300)),
            trainings = new[] { new { name = "母婴护理师", issuer = "河南省家庭服务业协会", on = "2025-09-01" } }, backgroundCheckPassed = true,
            backgroundCheckedOn = "2026-01-05",
        });
        var profile = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("1101**********002X", profile.GetProperty("credentials").GetProperty("idNumberMasked").GetString());
        Assert.Equal("Green", profile.GetProperty("safety").GetProperty("color").GetString());
        Assert.DoesNotContain("19491231", await recorded.Content.ReadAsStringAsync());
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM event_log WHERE payload::text LIKE '%11010519491231002X%'"));

        var issued = await (await merchant.Http.PostAsync("/api/merchant/workers/W001/code", null)).Content.ReadFromJsonAsync<JsonElement>();
        var token = issued.GetProperty("codeToken").GetString()!;
        Assert.DoesNotContain("W001", token);
        var png = await merchant.Http.GetAsync("/api/merchant/workers/W001/code.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.Content.ReadAsByteArrayAsync())[..4]);

        using var resident = new HttpClient { BaseAddress = Web.BaseAddress };
        resident.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var page = await resident.GetStringAsync($"/w/{token}");
        Assert.Contains("刘**", page);
        Assert.Contains("郑州安心家政服务有限公司", page);
        Assert.Contains("绿码", page);
        Assert.Contains("母婴护理师", page);
        foreach (var secret in new[] { "刘桂芳", "13903710001", "1101", "002X", "W001" }) Assert.DoesNotContain(secret, page);

        // Another merchant's worker is not there for merchant2; a reissued code revokes the old one
        using var merchant2 = await WebSession.SignIn(Web, "merchant2");
        Assert.Equal(HttpStatusCode.NotFound, (await merchant2.Http.PostAsync("/api/merchant/workers/W001/code", null)).StatusCode);
        var reissued = await (await merchant.Http.PostAsync("/api/merchant/workers/W001/code", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(token, reissued.GetProperty("codeToken").GetString());
        var old = await resident.GetAsync($"/w/{token}");
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        Assert.Contains("此码无效", await old.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_worker_whose_health_certificate_has_run_out_or_runs_out_this_month_shows_yellow_and_the_expired_one_cannot_be_assigned()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var profile = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers/W003/profile");
        Assert.Equal("Yellow", profile.GetProperty("safety").GetProperty("color").GetString());
        Assert.Equal(["health-certificate-expired"], profile.GetProperty("safety").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        var w002 = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/workers/W002/profile");
        Assert.Equal(["health-certificate-expiring"], w002.GetProperty("safety").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        using var agent = await WebSession.SignIn(Web, "agent1");
        var created = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            contactPhone = "13612345678", category = "hourly", address = "金水区经三路 15 号", district = "金水区",
            windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(4),
        });
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        var refused = await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W003" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("WorkerAssigned", (await (await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }
}
