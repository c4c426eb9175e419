using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The IVR flow editor (IVR流程) in a real browser without script: an admin gives the demo hotline a second-level menu;
/// a key that leads to a missing menu and a fallback that loops are each named at their node and nothing is published;
/// the mended flow is version 2 and the next call walks it; one click brings version 1 back as version 3, which the next
/// call hears. Each change has its audit line; a supervisor reads the flow and cannot change it.
/// </summary>
public sealed class IvrFlowEditorBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    private const string Hotline = SwitchClient.Hotline;
    private const string SubPrompt = "家电维修：空调维修请按1，返回咨询请按2。";

    private SimulatedSwitch Switch => Deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    [Fact]
    public Task An_admin_adds_a_submenu_sees_errors_at_the_broken_node_publishes_and_restores_and_calls_follow_each_version() => InBrowser(async session =>
    {
        var admin = await session.Open(Web, "admin", javaScript: false);
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");

        // 1. The number's page and the hotline list both lead to its flow: version 1 (the seed's), consultation drawn under the
        // key that opens it.
        await Go(admin, $"/admin/call-center/hotlines/{Hotline}");
        await Expect(admin.Locator("#ivr-edit-link")).ToHaveAttributeAsync("href", $"/admin/call-center/ivr/{Hotline}");
        await Go(admin, "/admin/call-center/hotlines");
        await admin.Locator($"#hotlines tr[data-dialled='{Hotline}'] a.ivr-link").ClickAsync();
        await IsOn(admin, $"/admin/call-center/ivr/{Hotline}");
        await Expect(admin.Locator("#ivr-current")).ToContainTextAsync("当前版本 v1");
        await Expect(admin.Locator("#menu-0 > ol > li[data-digit='1'] fieldset[data-menu='consult']")).ToHaveCountAsync(1);
        await Expect(admin.Locator("#ivr-versions tr[data-version]")).ToHaveCountAsync(1);

        // 2. A key 5 on the main menu that opens a new submenu, drawn right under it.
        await admin.Locator("#m0-add-option").ClickAsync();
        var five = admin.Locator("#menu-0 > ol > li[data-option='5']");
        await five.Locator("input[name='Menus[0].Options[5].Digit']").FillAsync("5");
        await five.Locator("input[name='Menus[0].Options[5].Label']").FillAsync("家电维修");
        await five.Locator("button", new() { HasText = "新建子菜单" }).ClickAsync();
        var sub = admin.Locator("#menu-0 > ol > li[data-option='5'] fieldset[data-menu='m3']");
        await Expect(sub).ToHaveCountAsync(1);
        await Expect(admin.Locator("select[name='Menus[0].Options[5].Action.Kind']")).ToHaveValueAsync("menu");
        await Expect(admin.Locator("input[name='Menus[2].Name']")).ToHaveValueAsync("家电维修");
        await admin.Locator("textarea[name='Menus[0].Prompt']").FillAsync("新版菜单。咨询请按1，服务需求请按2，家电维修请按5，人工服务请按0。");
        await admin.Locator("textarea[name='Menus[2].Prompt']").FillAsync(SubPrompt);
        await admin.Locator("input[name='Menus[2].Options[0].Digit']").FillAsync("1");
        await admin.Locator("input[name='Menus[2].Options[0].Label']").FillAsync("空调维修");
        await admin.Locator("select[name='Menus[2].Options[0].Action.Kind']").SelectOptionAsync("queue");
        await admin.Locator("input[name='Menus[2].Options[0].Action.Target']").FillAsync("complaint");
        // A second key that leads to a menu nobody made.
        await sub.Locator("#m2-add-option").ClickAsync();
        await admin.Locator("input[name='Menus[2].Options[1].Digit']").FillAsync("2");
        await admin.Locator("input[name='Menus[2].Options[1].Label']").FillAsync("咨询");
        await admin.Locator("select[name='Menus[2].Options[1].Action.Kind']").SelectOptionAsync("menu");
        await admin.Locator("input[name='Menus[2].Options[1].Action.Target']").FillAsync("nowhere");

        // 3. Refused at that key, in Chinese; nothing is published.
        await admin.Locator("#ivr-publish").ClickAsync();
        await Expect(admin.Locator("#ivr-errors")).ToContainTextAsync("未发布");
        await Expect(admin.Locator("#menu-2 li[data-option='1'] .field-error[data-field='Menus[2].Options[1].Action.Target']"))
            .ToHaveTextAsync("目标：指向的菜单不存在。");
        await Expect(admin.Locator(".field-error")).ToHaveCountAsync(1);
        await Expect(admin.Locator("#ivr-versions tr[data-version]")).ToHaveCountAsync(1);
        Assert.Equal(1, await Deployment.Scalar<int>("SELECT max(version) FROM ivr_flow WHERE dialled = $1", Hotline));

        // 4. Mended to lead back to consultation, but silence now goes round the submenu for ever: named at its fallback.
        await admin.Locator("input[name='Menus[2].Options[1].Action.Target']").FillAsync("consult");
        await admin.Locator("select[name='Menus[2].Fallback.Kind']").SelectOptionAsync("menu");
        await admin.Locator("input[name='Menus[2].Fallback.Target']").FillAsync("m3");
        await admin.Locator("#ivr-publish").ClickAsync();
        await Expect(admin.Locator("#menu-2 > .ivr-fallback > .field-error[data-field='Menus[2].Fallback']"))
            .ToHaveTextAsync("兜底动作：兜底动作形成循环，不按键的来电者将永远在菜单间打转。");
        await Expect(admin.Locator("#ivr-versions tr[data-version]")).ToHaveCountAsync(1);

        // 5. Silence to an agent: published as version 2.
        await admin.Locator("select[name='Menus[2].Fallback.Kind']").SelectOptionAsync("agent");
        await admin.Locator("#ivr-publish").ClickAsync();
        await Expect(admin.Locator("#ivr-published")).ToContainTextAsync("已发布为版本 v2");
        await Expect(admin.Locator("#ivr-current")).ToContainTextAsync("当前版本 v2，admin:admin");
        await Expect(admin.Locator("#ivr-versions tr[data-version]")).ToHaveCountAsync(2);
        await Expect(admin.Locator(".field-error")).ToHaveCountAsync(0);
        await Expect(admin.Locator("#menu-0 > ol > li[data-digit='5'] fieldset[data-menu='m3']")).ToHaveCountAsync(1);

        // 6. The next call hears the new main menu, 5 opens the submenu, 1 queues it for complaints.
        using var telephony = new SwitchClient(Web);
        var first = await Offer(telephony, "ivr-editor-1");
        Assert.StartsWith("新版菜单。", Collects(first).Last());
        await Press(telephony, first, "5");
        Assert.Equal(SubPrompt, Collects(first).Last());
        Assert.Equal("complaint", (await Press(telephony, first, "1")).GetProperty("queueId").GetString());

        // 7. Version 1 back in one click, published as version 3; the next call hears the seed's menu, where 5 is no key.
        await admin.Locator("#ivr-versions tr[data-version='1'] button.restore").ClickAsync();
        await Expect(admin.Locator("#ivr-restored")).ToHaveTextAsync("已恢复 v1 的流程，发布为版本 v3，下一通来电起生效。");
        await Expect(admin.Locator("#ivr-versions tr[data-version='3']")).ToContainTextAsync("恢复自 v1");
        await Expect(admin.Locator("fieldset[data-menu='m3']")).ToHaveCountAsync(0);
        var second = await Offer(telephony, "ivr-editor-2");
        Assert.StartsWith("您好，欢迎致电家政服务网络中心", Collects(second).Last());
        Assert.Equal("Ivr", (await Press(telephony, second, "5")).GetProperty("status").GetString());
        Assert.StartsWith("您的输入有误。", Collects(second).Last());

        // 8. Both changes are in the audit log with the versions before and after.
        Assert.Equal("1→2", await Deployment.Scalar<string>("""
            SELECT (before->>'version') || '→' || (after->>'version') FROM audit_log
            WHERE action = 'ivr_flow.publish' AND target_id = $1 AND actor = 'admin:admin' ORDER BY id DESC LIMIT 1
            """, Hotline));
        Assert.Equal("2→3 from 1", await Deployment.Scalar<string>("""
            SELECT (before->>'version') || '→' || (after->>'version') || ' from ' || (after->>'restoredFrom') FROM audit_log
            WHERE action = 'ivr_flow.restore' AND target_id = $1 ORDER BY id DESC LIMIT 1
            """, Hotline));

        // 9. An earlier version opens read-only as a tree: the submenu under the key that leads to it.
        await admin.Locator("#ivr-versions tr[data-version='2'] a.view").ClickAsync();
        await Expect(admin.Locator("#ivr-viewed")).ToHaveAttributeAsync("data-version", "2");
        await Expect(admin.Locator("#ivr-tree li[data-menu='main'] > ul > li[data-digit='5'] li[data-menu='m3']")).ToContainTextAsync(SubPrompt);

        // 10. A supervisor reads the current flow and has nothing to change it with.
        var supervisor = await session.Open(Web, "supervisor", javaScript: false);
        await SignIn(supervisor, "supervisor");
        await IsOn(supervisor, "/supervisor");
        await Go(supervisor, $"/admin/call-center/ivr/{Hotline}");
        await Expect(supervisor.Locator("#ivr-tree li[data-menu='main'] > ul > li[data-digit='1'] li[data-menu='consult']")).ToHaveCountAsync(1);
        await Expect(supervisor.Locator("#ivr-versions tr[data-version]")).ToHaveCountAsync(3);
        await Expect(supervisor.Locator("#ivr-form")).ToHaveCountAsync(0);
        await Expect(supervisor.Locator("button.restore")).ToHaveCountAsync(0);
        await Expect(supervisor.Locator("#admin-menu")).ToHaveCountAsync(0);
    });

    private static async Task<string> Offer(SwitchClient telephony, string callId)
    {
        var offered = await telephony.Send("/api/cti/calls", new { callId, caller = "13912340000", dialled = Hotline, trunk = "T1" }, $"{callId}:offer");
        Assert.True(offered.IsSuccessStatusCode, $"{(int)offered.StatusCode} {await offered.Content.ReadAsStringAsync()}");
        return callId;
    }

    private static async Task<JsonElement> Press(SwitchClient telephony, string callId, string digits)
    {
        var response = await telephony.Dtmf(callId, digits, Guid.NewGuid().ToString("N"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body;
    }

    private List<string> Collects(string callId) =>
        Switch.CommandsFor(callId).Where(c => c.Command == "collect").Select(c => c.Argument!).ToList();
}
