using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Merchants;

/// <summary>
/// The worker's photo reaches the public code page without where or on what it was taken, only for a live code; an
/// admin's black-listing turns the worker red, keeps them off orders and tells their merchant.
/// </summary>
public sealed class WorkerPhotoAndListingTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private static MultipartFormDataContent File(byte[] bytes, string name) => TestPhotos.Form(bytes, name);

    private static byte[] PhoneJpeg() => TestPhotos.PhoneJpeg();

    [Fact]
    public async Task The_photo_shows_on_the_code_page_without_its_metadata_and_only_while_the_code_lives()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var pdf = await merchant.Http.PostAsync("/api/merchant/workers/W001/photo", File("%PDF-1.7 not a face"u8.ToArray(), "me.pdf"));
        Assert.Equal(HttpStatusCode.BadRequest, pdf.StatusCode);
        Assert.Equal("照片必须是 JPEG 或 PNG 图片。", (await pdf.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());

        // Not a form at all (the form is read by the endpoint, so the reliability probes do not reach it): a problem, not a crash.
        var json = await merchant.Http.PostAsJsonAsync("/api/merchant/workers/W001/photo", new { file = "not a file" });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("请填写照片。", (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("file")[0].GetString());

        var uploaded = await merchant.Http.PostAsync("/api/merchant/workers/W001/photo", File(PhoneJpeg(), "IMG_0001.jpg"));
        Assert.Equal(HttpStatusCode.OK, uploaded.StatusCode);
        Assert.True((await uploaded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hasPhoto").GetBoolean());
        using var merchant2 = await WebSession.SignIn(Web, "merchant2");
        Assert.Equal(HttpStatusCode.NotFound, (await merchant2.Http.PostAsync("/api/merchant/workers/W001/photo", File(PhoneJpeg(), "x.jpg"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant2.Http.GetAsync("/api/merchant/workers/W001/photo")).StatusCode);

        var token = (await (await merchant.Http.PostAsync("/api/merchant/workers/W001/code", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("codeToken").GetString()!;
        using var resident = new HttpClient { BaseAddress = Web.BaseAddress };
        Assert.Contains($"src=\"/w/{token}/photo\"", await resident.GetStringAsync($"/w/{token}"));
        var served = await resident.GetAsync($"/w/{token}/photo");
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        var photo = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, photo[..2]);
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(photo));
        Assert.DoesNotContain(TestPhotos.Trailer, Encoding.ASCII.GetString(photo));
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, photo[^2..]); // re-encoded: ends where the picture ends
        var own = await merchant.Http.GetAsync("/api/merchant/workers/W001/photo");
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("W001.jpg", own.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.DeleteAsync("/api/merchant/workers/W001/code")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.GetAsync($"/w/{token}/photo")).StatusCode);
    }

    [Fact]
    public async Task A_black_listed_worker_turns_red_is_never_sent_and_their_merchant_is_told()
    {
        using var admin = await WebSession.SignIn(Web, "admin");
        var noReason = await admin.Http.PostAsJsonAsync("/api/admin/workers/W001/list", new { blackListed = true });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("请填写原因。", (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync("/api/admin/workers/W999/list", new { blackListed = true, reason = "x" })).StatusCode);

        var listed = await admin.Http.PostAsJsonAsync("/api/admin/workers/W001/list", new { blackListed = true, reason = "盗窃客户财物，经查属实" });
        var profile = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Red", profile.GetProperty("safety").GetProperty("color").GetString());
        Assert.Contains("black-listed", profile.GetProperty("safety").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // An order M001 accepts cannot go to W001.
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            contactPhone = "13612345678", category = "hourly", address = "金水区经三路 15 号", district = "金水区", windowStart = start, windowEnd = start.AddHours(2),
        });
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        var assign = await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" });
        Assert.False(assign.IsSuccessStatusCode);
        Assert.Equal("Accepted", (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}")).GetProperty("status").GetString());

        await Eventually.True(async () => (await merchant.Http.GetStringAsync("/api/merchant/notifications")).Contains("worker.black-listed"),
            TimeSpan.FromSeconds(10), "the merchant's inbox tells of the listing");
        Assert.True(await _deployment.Scalar<bool>("SELECT black_listed FROM worker WHERE id = 'W001'"));

        // Lifted: back to the colour the credentials give.
        var lifted = await admin.Http.PostAsJsonAsync("/api/admin/workers/W001/list", new { blackListed = false, reason = "复查后撤销" });
        Assert.NotEqual("Red", (await lifted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("safety").GetProperty("color").GetString());
    }
}
