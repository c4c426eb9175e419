using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Members;

/// <summary>
/// Photos on a member's rating (服务评定): uploaded for their own order only, pictures only, without where they were
/// taken; a rating carries at most 3 of that order's photos, and they show publicly with the review, not before.
/// </summary>
public sealed class RatingPhotoTests(MemberOrderTests.Deployment fixture) : IClassFixture<MemberOrderTests.Deployment>
{
    private RunningWeb Web => fixture.Running.WebHosts[0];

    private static object NewOrder(int hoursAhead)
    {
        var start = DateTimeOffset.UtcNow.AddHours(hoursAhead);
        return new
        {
            memberId = "R0001", contactName = "张女士", contactPhone = "13800138000", category = "hourly", address = "金水区花园路 8 号院", district = "金水区",
            windowStart = start, windowEnd = start.AddHours(2),
        };
    }

    private static async Task<Guid> Uploaded(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<string> FirstError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    [Fact]
    public async Task A_member_attaches_a_photo_to_their_rating_and_it_shows_with_the_review_without_where_it_was_taken()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        using var resident = await WebSession.SignIn(Web, "resident");
        var orderNo = await OrderSteps.OfferedToM001(agent, NewOrder(1));
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        foreach (var step in new[] { "check-in", "check-out" })
            Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).IsSuccessStatusCode, step);
        var photos = $"/api/member/orders/{orderNo}/rating/photos";

        // A text file named .jpg is not a picture, whatever its name and declared type say; nor is a request without a file.
        Assert.Equal("照片必须是 JPEG 或 PNG 图片。", await FirstError(await resident.Http.PostAsync(photos, TestPhotos.Form("我家的地址是花园路 8 号"u8.ToArray(), "photo.jpg")), "file"));
        Assert.Equal("请填写照片。", await FirstError(await resident.Http.PostAsJsonAsync(photos, new { file = "not a file" }), "file"));
        // Another member's order does not exist for this one.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.PostAsync("/api/member/orders/WO20261115004/rating/photos",
            TestPhotos.Form(TestPhotos.PhoneJpeg(), "IMG_0001.jpg"))).StatusCode);

        var photo = await Uploaded(await resident.Http.PostAsync(photos, TestPhotos.Form(TestPhotos.PhoneJpeg(), "IMG_0001.jpg")));
        using var anyone = new HttpClient { BaseAddress = Web.BaseAddress };
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/reviews/photos/{photo}")).StatusCode); // not public before the rating lists it

        // A photo uploaded for another of the member's orders, an id nobody uploaded, and a fourth photo are refused.
        var otherCreated = await agent.Http.PostAsJsonAsync("/api/orders", NewOrder(30));
        var otherOrder = (await otherCreated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        var otherPhoto = await Uploaded(await resident.Http.PostAsync($"/api/member/orders/{otherOrder}/rating/photos",
            TestPhotos.Form(TestPhotos.PhonePng(), "IMG_0002.png", "image/png")));
        var rating = $"/api/member/orders/{orderNo}/rating";
        Assert.Equal("评价照片不存在。", await FirstError(await resident.Http.PostAsJsonAsync(rating, new { score = 5, photos = new[] { photo, otherPhoto } }), "photos"));
        Assert.Equal("评价照片不存在。", await FirstError(await resident.Http.PostAsJsonAsync(rating, new { score = 5, photos = new[] { Guid.NewGuid() } }), "photos"));
        var four = new List<Guid> { photo };
        for (var i = 0; i < 3; i++) four.Add(await Uploaded(await resident.Http.PostAsync(photos, TestPhotos.Form(TestPhotos.PhoneJpeg(), $"IMG_1{i}.jpg"))));
        Assert.Equal("评价照片最多 3 项。", await FirstError(await resident.Http.PostAsJsonAsync(rating, new { score = 5, photos = four }), "photos"));
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.PostAsJsonAsync("/api/member/orders/WO20261115004/rating",
            new { score = 5, photos = new[] { photo } })).StatusCode);

        var rated = await resident.Http.PostAsJsonAsync(rating, new { score = 5, tags = new[] { "tidy" }, comment = "收拾得很干净，附照片", photos = new[] { photo } });
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
        var url = $"/reviews/photos/{photo}";
        var detail = await resident.Http.GetFromJsonAsync<JsonElement>($"/api/member/orders/{orderNo}");
        Assert.Equal(new[] { url }, detail.GetProperty("rating").GetProperty("photos").EnumerateArray().Select(p => p.GetString()).ToArray());

        // Public now: on the merchant's page under the review, and the picture without the place it was taken.
        var page = await anyone.GetStringAsync("/merchants/M001");
        Assert.Contains($"<img src=\"{url}\" alt=\"评价照片 1\"", page);
        var served = await anyone.GetAsync(url);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType?.MediaType);
        Assert.True(served.Headers.CacheControl?.Public);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8 }, bytes[..2]);
        Assert.Equal(new byte[] { 0xFF, 0xD9 }, bytes[^2..]); // re-encoded: nothing after the picture's end
        Assert.DoesNotContain(TestPhotos.Trailer, Encoding.ASCII.GetString(bytes));
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        Assert.DoesNotContain("GPS", Encoding.ASCII.GetString(bytes));
        // The photos the rating did not list stay private.
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/reviews/photos/{four[1]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync($"/reviews/photos/{otherPhoto}")).StatusCode);
    }

    [Fact]
    public async Task One_order_takes_at_most_twenty_uploads()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var resident = await WebSession.SignIn(Web, "resident");
        var created = await agent.Http.PostAsJsonAsync("/api/orders", NewOrder(40));
        var orderNo = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
        var photos = $"/api/member/orders/{orderNo}/rating/photos";
        for (var i = 0; i < 20; i++) await Uploaded(await resident.Http.PostAsync(photos, TestPhotos.Form(TestPhotos.PhoneJpeg(), $"IMG_{i}.jpg")));
        Assert.Equal("照片：每个订单最多上传 20 张。", await FirstError(await resident.Http.PostAsync(photos, TestPhotos.Form(TestPhotos.PhoneJpeg(), "IMG_21.jpg")), "file"));
    }
}
