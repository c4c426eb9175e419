using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 话务配置 in a real browser, forms posted without any script: an admin adds a number, changes the main hotline's holiday
/// hours (a wrong value is named at its field, in Chinese) and reverts them, enters a year of the holiday calendar, and
/// blocks a number on the blacklist page; the routing tool and a real call both turn that caller away.
/// </summary>
public sealed class HotlinePagesBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task An_admin_edits_a_hotline_s_hours_reverts_them_and_blocks_a_number_that_then_never_reaches_a_queue() => InBrowser(async session =>
    {
        var admin = await session.Open(Web, "admin", javaScript: false);
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");

        // 1. A new number from the list page starts as version 1; then to the main hotline's page.
        await Go(admin, "/admin/call-center/hotlines");
        await admin.Locator("#add-dialled").FillAsync("037166680");
        await admin.Locator("#add-name").FillAsync("养老服务专线");
        await admin.Locator("#add-queue").SelectOptionAsync("complaint");
        await admin.Locator("#hotline-add-submit").ClickAsync();
        await IsOn(admin, "/admin/call-center/hotlines/037166680");
        await Expect(admin.Locator("#saved")).ToHaveTextAsync("已保存为版本 v1，下一通来电起生效。");
        await Expect(admin.Locator("select[name='Routes[0].QueueId']")).ToHaveValueAsync("complaint");
        await Go(admin, "/admin/call-center/hotlines");
        await admin.Locator("#hotlines tr[data-dialled='037112345'] td:first-child a").ClickAsync();
        await IsOn(admin, "/admin/call-center/hotlines/037112345");
        await Expect(admin.Locator("#hotline-nav a[aria-current='page']")).ToHaveTextAsync("热线号码");

        // 2. Hours people write wrongly are named at their field; nothing is saved.
        await admin.Locator("#hours-holiday").FillAsync("9点到17点");
        await admin.Locator("#hotline-save").ClickAsync();
        await Expect(admin.Locator(".field-error[data-field='holidayHours']")).ToContainTextAsync("法定节假日服务时间的格式应为 08:00-12:00,13:30-17:30");
        await Expect(admin.Locator("#versions tr[data-version]")).ToHaveCountAsync(1);

        // 3. Corrected, it is version 2, and a holiday call would now be answered only in those hours.
        await admin.Locator("#hours-holiday").FillAsync("09:00 - 17:00");
        await admin.Locator("#hotline-save").ClickAsync();
        await Expect(admin.Locator("#saved")).ToHaveTextAsync("已保存为版本 v2，下一通来电起生效。");
        await Expect(admin.Locator("#hours-holiday")).ToHaveValueAsync("09:00-17:00");
        await Expect(admin.Locator("#versions tr[data-version]")).ToHaveCountAsync(2);

        // 4. One click brings the previous hours back as version 3.
        await admin.Locator("#hotline-revert").ClickAsync();
        await Expect(admin.Locator("#reverted")).ToContainTextAsync("v3");
        await Expect(admin.Locator("#hours-holiday")).ToHaveValueAsync("00:00-24:00");
        Assert.Equal("hotline.revert", await Deployment.Scalar<string>(
            "SELECT action FROM audit_log WHERE target_kind = 'hotline' AND target_id = '037112345' ORDER BY id DESC LIMIT 1"));

        // 5. A year of the holiday calendar, one line a range or a day: a make-up day on a Monday is named with its line.
        await Go(admin, "/admin/call-center/calendar?year=2027");
        await Expect(admin.Locator("#year-empty")).ToBeVisibleAsync();
        await admin.Locator("#holidays").FillAsync("元旦 2027-01-01 2027-01-03\n春节 2027-02-05 2027-02-12");
        await admin.Locator("#workdays").FillAsync("2027-01-04 元旦");
        await admin.Locator("#calendar-save").ClickAsync();
        await Expect(admin.Locator(".field-error[data-field='workdays']")).ToHaveTextAsync("第 1 行：调休上班日期须为周六或周日（工作日本来就上班）。");
        await admin.Locator("#workdays").FillAsync("2027-01-09 元旦");
        await admin.Locator("#calendar-save").ClickAsync();
        await Expect(admin.Locator("#saved")).ToHaveTextAsync("已保存为版本 v1，下一通来电起生效。");
        await Expect(admin.Locator("#holidays")).ToHaveValueAsync("元旦 2027-01-01 2027-01-03\n春节 2027-02-05 2027-02-12\n");

        // 6. A nuisance number on the blacklist page: without a reason it is refused at the field, then blocked.
        await Go(admin, "/admin/call-center/blacklist");
        await admin.Locator("#block-number").FillAsync("139 0000 8888");
        await admin.Locator("#block-submit").ClickAsync();
        await Expect(admin.Locator(".field-error[data-field='reason']")).ToHaveTextAsync("请填写原因。");
        await admin.Locator("#block-reason").FillAsync("骚扰电话");
        await admin.Locator("#block-submit").ClickAsync();
        await Expect(admin.Locator("#done")).ToHaveTextAsync("已拉黑，下一通来电起生效。");
        await Expect(admin.Locator("#blacklist tr[data-number='13900008888']")).ToHaveAttributeAsync("data-state", "active");

        // 7. The routing tool says the caller is turned away; a call from that number is.
        await Go(admin, "/admin/call-center/what-if");
        await admin.Locator("#wi-dialled").FillAsync("037112345");
        await admin.Locator("#wi-caller").FillAsync("13900008888");
        await admin.Locator("#what-if-submit").ClickAsync();
        await Expect(admin.Locator("#what-if-answer")).ToHaveAttributeAsync("data-ending", "blocked");
        await Expect(admin.Locator("#what-if-steps li[data-step='blocked']")).ToContainTextAsync("骚扰电话");

        using var sw = new HttpClient { BaseAddress = Web.BaseAddress };
        sw.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        using var offer = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
        {
            Content = JsonContent.Create(new { callId = "page-blocked-1", caller = "13900008888", dialled = "037112345", trunk = "T1", ivrChoice = "2" }),
        };
        offer.Headers.Add("Idempotency-Key", "page-blocked-1:offer");
        var call = await (await sw.SendAsync(offer)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("blacklisted", call.GetProperty("endCause").GetString());
    });
}
