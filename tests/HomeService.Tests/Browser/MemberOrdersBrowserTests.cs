using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The member's orders on a 375 px phone: the resident watches their order's status change live on /member as the
/// merchant accepts it and the worker finishes, then rates it with stars, tags and a photo, and the merchant's rating moves.
/// </summary>
public sealed class MemberOrdersBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_member_on_a_phone_watches_the_order_move_live_and_rates_it_with_stars_tags_and_a_photo() => InBrowser(async session =>
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var orderNo = await OrderSteps.OfferedToM001(agent, new
        {
            memberId = "R0001", contactName = "张女士", contactPhone = "13800138000", category = "hourly", address = "金水区花园路 8 号院", district = "金水区",
            windowStart = start, windowEnd = start.AddHours(2),
        });
        var ratingsBefore = await Deployment.Scalar<int>("SELECT rating_count FROM merchant WHERE id = 'M001'");

        var phone = await session.Open(Web, "resident", "zh-CN", new ViewportSize { Width = 375, Height = 812 }, mobile: true);
        await SignIn(phone, "resident");
        await IsOn(phone, "/member");
        await LiveConnectionIsUp(phone);
        var order = phone.Locator($".member-order[data-order='{orderNo}']");
        var status = order.Locator(".member-order-status");
        await Expect(status).ToHaveTextAsync("已派单待接单");

        // The merchant accepts (through its API): the status changes on the phone without a reload.
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        await Expect(status).ToHaveTextAsync("已接单");
        // The inbox hears of it too, live; the member marks just that message read.
        var notice = phone.Locator("#member-inbox li.unread", new() { HasText = $"您的订单 {orderNo} 已由商户接单。" });
        await Expect(notice).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        var unread = int.Parse(await phone.Locator("#member-inbox-unread").InnerTextAsync());
        await notice.Locator(".notice-read").ClickAsync();
        await Expect(phone.Locator("#member-inbox li", new() { HasText = $"您的订单 {orderNo} 已由商户接单。" })).Not.ToHaveClassAsync("unread");
        await Expect(phone.Locator("#member-inbox-unread")).ToHaveTextAsync((unread - 1).ToString());
        Assert.Equal(1L, await Deployment.Scalar<long>("""
            SELECT count(*) FROM notification_outbox WHERE recipient_kind = 'member' AND params->>'orderNo' = $1 AND read_at IS NOT NULL
            """, orderNo));
        await Expect(order.Locator(".member-order-merchant")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("郑州安心家政服务有限公司"));
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        await Expect(status).ToHaveTextAsync("已指派服务人员");
        foreach (var step in new[] { "check-in", "check-out" })
            Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).IsSuccessStatusCode, step);
        await Expect(status).ToHaveTextAsync("已完成");

        // Open it: the timeline and the worker's masked name, then the rating.
        var summary = order.Locator("summary").First;
        Assert.True((await summary.BoundingBoxAsync())!.Height >= 44, "the order's row is a 44 px tap target");
        await summary.ClickAsync();
        await Expect(order.Locator(".member-timeline")).ToContainTextAsync("服务完成");
        await Expect(order.Locator(".member-order-worker")).ToContainTextAsync("刘**");
        var rate = order.Locator("form.rate");
        await Expect(rate).ToBeVisibleAsync();
        var fourth = rate.Locator($"label[for='star-{orderNo}-4']");
        var box = (await fourth.BoundingBoxAsync())!;
        Assert.True(box.Width >= 44 && box.Height >= 44, $"a star is {box.Width}×{box.Height} px");
        await fourth.ClickAsync();
        await rate.Locator(".chip", new() { HasText = "准时" }).ClickAsync();
        await rate.Locator(".chip", new() { HasText = "专业" }).ClickAsync();
        await rate.Locator("textarea[name='comment']").FillAsync("阿姨很准时，收拾得很干净");
        // One photo from the phone's gallery; the form says it will be shown publicly with the review.
        await Expect(rate).ToContainTextAsync("公开展示");
        await rate.Locator("input[type='file'][name='photos']").SetInputFilesAsync(
            new FilePayload { Name = "IMG_0001.png", MimeType = "image/png", Buffer = TestPhotos.PhonePng() });
        await rate.Locator("button[type='submit']").ClickAsync();

        await Expect(order.Locator(".member-rating-stars")).ToHaveTextAsync("★★★★☆");
        await Expect(order.Locator(".member-rating-tags")).ToContainTextAsync("准时");
        await Expect(order.Locator(".member-rating-tags")).ToContainTextAsync("专业");
        await Expect(order.Locator("form.rate")).ToHaveCountAsync(0);
        var thumbnail = order.Locator(".member-rating .review-photos img");
        await Expect(thumbnail).ToHaveAttributeAsync("alt", "评价照片 1");
        await Expect(thumbnail).ToBeVisibleAsync();
        await Eventually.True(() => thumbnail.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 16"), TimeSpan.FromSeconds(5),
            "the thumbnail shows the picture");
        await Expect(status).Not.ToHaveTextAsync("已完成"); // rated: the follow-up is done
        Assert.Equal("on-time,professional",
            await Deployment.Scalar<string>("SELECT array_to_string(tags, ',') FROM service_review WHERE order_no = $1 AND stars = 4", orderNo));
        // The merchant's public rating counts it.
        await Eventually.True(async () => await Deployment.Scalar<int>("SELECT rating_count FROM merchant WHERE id = 'M001'") == ratingsBefore + 1,
            TimeSpan.FromSeconds(20), "the merchant's rating count moved");

        var widths = await phone.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"/member is {widths[0]} px wide on a {widths[1]} px screen");
    });
}
