using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Issue 18, a resident's day on a 375 px phone: the header keeps its words on one line, an order placed on the website
/// links to itself, the opened order never shows "null" for the missing worker and rating, and the address book's
/// district is a choice from the city's districts.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class ResidentDayBrowserTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    [Fact]
    public Task At_375_px_the_header_items_keep_their_words_on_one_line() => InBrowser(async session =>
    {
        var phone = await session.Open(shared.WebA, "resident", "zh-CN", Phone, mobile: true);
        await SignIn(phone, "resident");
        await IsOn(phone, "/member");
        await Loaded(phone);
        await Expect(phone.Locator("header.top nav.roles a", new() { HasText = "会员中心" })).ToBeVisibleAsync();
        // Each link of the header is one line of text: a word broken over lines has a rectangle for each line.
        var lines = await phone.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll("header.top a, header.top .who, header.top button")].map((el) => {
              const range = document.createRange();
              range.selectNodeContents(el);
              const rows = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
              return `${el.textContent.trim()}:${rows.size}`;
            })
            """);
        Assert.All(lines, l => Assert.EndsWith(":1", l));
        var widths = await phone.EvaluateAsync<int[]>("() => [document.scrollingElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"the page is {widths[0]} px wide on a {widths[1]} px screen");
    });

    [Fact]
    public Task A_resident_orders_on_the_phone_follows_the_link_to_the_order_and_the_opened_order_never_shows_null() => InBrowser(async session =>
    {
        var phone = await session.Open(shared.WebA, "resident", "zh-CN", Phone, mobile: true);
        await SignIn(phone, "resident");
        await IsOn(phone, "/member");
        await Go(phone, "/order?category=home-clean");
        var form = phone.Locator("#order-form");
        await Expect(form).ToBeVisibleAsync();
        var other = form.Locator("#address-book-choices input[value='-1']");
        if (await other.CountAsync() > 0) await other.CheckAsync();
        await form.Locator("input[name='Form.Address']").FillAsync("金水区花园路 8 号院 3 单元");
        await form.Locator("select[name='Form.District']").SelectOptionAsync("金水区");
        await form.Locator("select[name='Form.Slot']").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.Locator("#order-submit").ClickAsync();

        // The success message names the order and links to it.
        var placed = phone.Locator("#order-placed");
        await Expect(placed).ToContainTextAsync("已提交");
        var orderNo = new Uri(phone.Url).Query.Split("placed=")[1];
        var link = placed.Locator("#order-placed-link");
        await Expect(link).ToHaveTextAsync("查看这张订单");
        await link.ClickAsync();
        await phone.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/member#order-{orderNo}$"));

        // The order opens by itself: no worker and no rating yet, and nowhere the word "null".
        var order = phone.Locator($".member-order[data-order='{orderNo}']");
        await Expect(order.Locator(":scope > details")).ToHaveAttributeAsync("open", "");
        await Expect(order.Locator(".member-timeline")).ToBeVisibleAsync();
        await Expect(order.Locator(".member-order-worker")).ToHaveCountAsync(0);
        Assert.DoesNotContain("null", await order.Locator(".member-order-detail").InnerTextAsync());
        Assert.Empty(session.ScriptErrors(phone));
    });

    [Fact]
    public Task The_address_book_s_district_is_a_choice_of_the_city_s_districts_and_the_order_form_takes_it() => InBrowser(async session =>
    {
        var phone = await session.Open(shared.WebA, "resident", "zh-CN", Phone, mobile: true);
        await SignIn(phone, "resident");
        await IsOn(phone, "/member");
        // The demo resident's address was typed before districts were a choice and has none: the resident picks it.
        var rows = phone.Locator("#profile-addresses .address-row");
        await Expect(rows.First).ToBeVisibleAsync();
        for (var i = 0; i < await rows.CountAsync(); i++)
            if (await rows.Nth(i).Locator("select.address-district").InputValueAsync() == "")
                await rows.Nth(i).Locator("select.address-district").SelectOptionAsync("金水区");
        await phone.Locator("#profile-add-address").ClickAsync();
        var row = phone.Locator("#profile-addresses .address-row").Last;
        var district = row.Locator("select.address-district");
        await Expect(district.Locator("option", new() { HasText = "二七区" })).ToHaveCountAsync(1);
        await row.Locator(".address-label").FillAsync("父母家");
        await district.SelectOptionAsync("二七区");
        await row.Locator(".address-address").FillAsync("大学路 66 号");
        await phone.Locator("#profile-save").ClickAsync();
        await Expect(phone.Locator("#profile-saved")).Not.ToBeEmptyAsync();

        // After a reload the district is still the chosen one; the order form lists the address with its district.
        await phone.ReloadAsync();
        await Expect(phone.Locator("#profile-addresses .address-row select.address-district").Last).ToHaveValueAsync("二七区");
        await Go(phone, "/order?category=home-clean");
        await Expect(phone.Locator("#address-book-choices")).ToContainTextAsync("大学路 66 号（二七区）");
        Assert.Empty(session.ScriptErrors(phone));
    });

    [Fact]
    public Task Searching_the_names_people_use_finds_the_service_an_admin_adds_one_and_a_search_without_a_hit_says_what_it_looked_for() => InBrowser(async session =>
    {
        var phone = await session.Open(shared.WebA, "visitor", "zh-CN", Phone, mobile: true);
        phone.SetDefaultNavigationTimeout(90_000); // a loaded machine's first search can outlast the default
        await Go(phone, "/search?q=" + Uri.EscapeDataString("日常保洁"));
        var services = phone.Locator("#search-services");
        await Expect(services.Locator("li[data-category='home-clean']")).ToContainTextAsync("家庭保洁");
        await Expect(services.Locator("li[data-category='hourly']")).ToHaveCountAsync(1);
        await Expect(phone.Locator("#search-merchants li")).Not.ToHaveCountAsync(0); // the companies serving it
        foreach (var name in new[] { "保姆", "钟点工", "阿姨" })
        {
            await Go(phone, "/search?q=" + Uri.EscapeDataString(name));
            await Expect(phone.Locator("#search-services li").First).ToBeVisibleAsync();
        }

        // Nothing found: the page says what it looked for, and how.
        await Go(phone, "/search?q=" + Uri.EscapeDataString("油烟机保养"));
        await Expect(phone.Locator("#search-none")).ToContainTextAsync("“油烟机保养”");
        await Expect(phone.Locator("#search-none")).ToContainTextAsync("常用叫法");

        // The admin adds that name to the range-hood service on the catalogue page; the search finds it from then on.
        var admin = await session.Open(shared.WebA, "admin");
        await SignIn(admin, "admin");
        await Go(admin, "/admin/catalogue?code=hood-clean");
        var aliases = admin.Locator("#edit-aliases");
        await Expect(aliases).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("抽油烟机清洗"));
        await aliases.FillAsync(await aliases.InputValueAsync() + "、油烟机保养");
        await admin.Locator("#edit-submit").ClickAsync();
        await Expect(admin.Locator("#catalogue-saved")).ToHaveTextAsync("已保存，新订单立即使用新的设置。");
        await Go(phone, "/search?q=" + Uri.EscapeDataString("油烟机保养"));
        await Expect(phone.Locator("#search-services li[data-category='hood-clean']")).ToHaveCountAsync(1);
    });
}
