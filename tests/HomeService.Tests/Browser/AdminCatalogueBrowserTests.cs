using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 服务目录 in a real browser, with the keyboard: the admin adds a category under a group, gives it a business attribute
/// (a choice), sees the error at the attribute's row when it is wrong, saves it, and the public order form asks for it.
/// </summary>
public sealed class AdminCatalogueBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task An_admin_adds_a_category_with_an_attribute_and_the_order_form_asks_for_it() => InBrowser(async session =>
    {
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await admin.Locator("#admin-menu a[data-section='catalogue']").ClickAsync();
        await IsOn(admin, "/admin/catalogue");
        await Expect(admin.Locator("#catalogue-tree li[data-code='living']")).ToContainTextAsync("生活服务");

        // 1. Add it under 生活服务, submitting with Enter; a code with a capital letter is refused at its field first.
        await admin.Locator("#add-parent").SelectOptionAsync("living");
        await admin.Locator("#add-code").FillAsync("Pet care");
        await admin.Locator("#add-name-zh").FillAsync("宠物照看");
        await admin.Locator("#add-name-en").FillAsync("Pet care");
        await admin.Locator("#add-name-en").PressAsync("Enter");
        await Expect(admin.Locator("#add-code-error")).ToHaveTextAsync("代码须为 2–32 位小写字母、数字或连字符（-），并以字母开头。");
        await Expect(admin.Locator("#add-name-zh")).ToHaveValueAsync("宠物照看");
        await admin.Locator("#add-code").FillAsync("pet-care");
        await admin.Locator("#add-code").PressAsync("Enter");
        await Expect(admin.Locator("#catalogue-saved")).ToHaveTextAsync("已新增，可以继续填写业务属性和价格指引。");
        await Expect(admin.Locator("#edit-title")).ToContainTextAsync("编辑：宠物照看");
        await Expect(admin.Locator("#catalogue-tree li[data-code='pet-care']")).ToBeVisibleAsync();

        // 2. A choice attribute with one choice only: the error is at that row's choices, the typed values stay.
        var row = admin.Locator("#attribute-rows tr[data-row='0']");
        await row.Locator("input[name$='.Key']").FillAsync("pets");
        await row.Locator("input[name$='.NameZh']").FillAsync("宠物种类");
        await row.Locator("input[name$='.NameEn']").FillAsync("Kind of pet");
        await row.Locator("select[name$='.Type']").SelectOptionAsync("choice");
        await row.Locator("input[name$='.Required']").CheckAsync();
        await row.Locator("textarea[name$='.Choices']").FillAsync("猫");
        await admin.Locator("#edit-price-zh").FillAsync("每次 60 元起");
        await admin.Locator("#edit-submit").PressAsync("Enter");
        await Expect(admin.Locator(".field-error[data-field='fields[0].choices']")).ToHaveTextAsync("选项须有 2–20 个互不相同的选项，每个不超过 40 个字。");
        await Expect(admin.Locator("#attribute-rows tr[data-row='0'] input[name$='.Key']")).ToHaveValueAsync("pets");

        // 3. Corrected and saved: the page shows it saved, with the attribute in place.
        await admin.Locator("#attribute-rows tr[data-row='0'] textarea[name$='.Choices']").FillAsync("猫\n狗\n其他");
        await admin.Locator("#edit-submit").PressAsync("Enter");
        await Expect(admin.Locator("#catalogue-saved")).ToHaveTextAsync("已保存，新订单立即使用新的设置。");
        await Expect(admin.Locator("#attribute-rows tr[data-row='0'] select[name$='.Type']")).ToHaveValueAsync("choice");
        await Expect(admin.Locator("#edit-price-zh")).ToHaveValueAsync("每次 60 元起");

        // 4. A resident's order form asks for it at once, with the choices as the answers.
        var resident = await session.Open(Web, "resident");
        await Go(resident, "/order?category=pet-care");
        var pets = resident.Locator("#order-form select[name='Form.Requirements[pets]']");
        await Expect(pets.Locator("option")).ToHaveTextAsync(["请选择", "猫", "狗", "其他"]);
        await Expect(resident.Locator("#order-form .price")).ToHaveTextAsync("每次 60 元起");

        Assert.Equal(2L, await Deployment.Scalar<long>(
            "SELECT count(*) FROM audit_log WHERE target_kind = 'category' AND target_id = 'pet-care' AND actor = 'admin:admin'"));
    });

    [Fact]
    public Task An_admin_adds_a_district_with_a_street_renames_it_and_retires_it() => InBrowser(async session =>
    {
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await Go(admin, "/admin/catalogue");
        await admin.Locator("#places-link").ClickAsync();
        await IsOn(admin, "/admin/catalogue/places");
        await Expect(admin.Locator("#district-list tr[data-code='jinshui']")).ToContainTextAsync("金水区");

        // A Chinese name another district has is refused at its field.
        await admin.Locator("#new-code").FillAsync("xinqu");
        await admin.Locator("#new-name-zh").FillAsync("金水区");
        await admin.Locator("#new-name-en").FillAsync("Zhengzhou New District");
        await admin.Locator("#new-name-en").PressAsync("Enter");
        await Expect(admin.Locator("#new-name-zh-error")).ToHaveTextAsync("中文名称已存在。");
        await admin.Locator("#new-name-zh").FillAsync("郑州新区");
        await admin.Locator("#new-name-zh").PressAsync("Enter");
        await Expect(admin.Locator("#places-saved")).ToHaveTextAsync("已新增区域。");
        await Expect(admin.Locator("#district-title")).ToContainTextAsync("郑州新区");

        // A street under it, then a new name for the district: the old one is kept as a former name.
        await admin.Locator("#street-name-zh").FillAsync("龙湖街道");
        await admin.Locator("#street-name-zh").PressAsync("Enter");
        await Expect(admin.Locator("#places-saved")).ToHaveTextAsync("街道已保存。");
        await Expect(admin.Locator("#street-list li[data-code='xinqu-1'] input[name='Street.NameZh']")).ToHaveValueAsync("龙湖街道");
        await admin.Locator("#edit-name-zh").FillAsync("郑州新城");
        await admin.Locator("#edit-name-zh").PressAsync("Enter");
        await Expect(admin.Locator("#former-names")).ToHaveTextAsync("曾用名：郑州新区");

        // Retired, with a reason: the page marks it so, and every change is in the audit log.
        await admin.Locator("#district-reason").FillAsync("区划调整");
        await admin.Locator("#district-state-submit").ClickAsync();
        await Expect(admin.Locator("#district-retired")).ToHaveTextAsync("已停用");
        Assert.Equal(4L, await Deployment.Scalar<long>("SELECT count(*) FROM audit_log WHERE target_kind IN ('district', 'street') AND target_id LIKE 'xinqu%'"));
    });
}
