using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// 部门 in a real browser: an admin adds a department on its page while an agent has the complaint desk open; the agent's
/// next 转办 offers it without a reload, and once the admin retires it, it is no longer offered while the complaint sent
/// to it still names it.
/// </summary>
public sealed class DepartmentsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_department_added_while_the_complaint_desk_is_open_is_offered_there_and_keeps_naming_its_complaint_once_retired() => InBrowser(async session =>
    {
        var agent = await session.Open(Web, "agent2");
        await SignIn(agent, "agent2");
        await IsOn(agent, "/console");
        await Expect(agent.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await LiveConnectionIsUp(agent);
        await agent.Locator("#tab-complaints").ClickAsync();
        using var agentApi = await WebSession.SignIn(Web, "agent2");
        var first = await NewComplaint(agentApi);
        var row = agent.Locator($"#complaint-list li[data-order='{first}']");
        await Expect(row).ToHaveAttributeAsync("data-status", "Registered");

        // The admin adds 法律事务部; a code with a space is refused at its field first.
        var admin = await session.Open(Web, "admin");
        await SignIn(admin, "admin");
        await IsOn(admin, "/admin");
        await Go(admin, "/admin/call-center");
        await admin.Locator("#call-center-menu a[data-part='departments']").ClickAsync();
        await IsOn(admin, "/admin/call-center/departments");
        await Expect(admin.Locator("#departments tr[data-department='quality']")).ToContainTextAsync("质量监督部");
        await admin.Locator("#department-code").FillAsync("legal affairs");
        await admin.Locator("#department-zh").FillAsync("法律事务部");
        await admin.Locator("#department-en").FillAsync("Legal Affairs");
        await admin.Locator("#department-en").PressAsync("Enter");
        await Expect(admin.Locator("#department-code-error")).ToHaveTextAsync("部门编码须为 2–32 位小写字母、数字或连字符（-），并以字母开头。");
        await Expect(admin.Locator("#department-zh")).ToHaveValueAsync("法律事务部");
        await admin.Locator("#department-code").FillAsync("legal");
        await admin.Locator("#department-code").PressAsync("Enter");
        await Expect(admin.Locator("#department-saved")).ToHaveTextAsync("部门已新增，座席转办时即可选择。");

        // The agent's open desk offers it at the next 转办, and the complaint then names it.
        await row.Locator(".assign").ClickAsync();
        await row.Locator(".party-kind").SelectOptionAsync("department");
        await Expect(row.Locator(".party-department option[value='legal']")).ToHaveTextAsync("法律事务部");
        await row.Locator(".party-department").SelectOptionAsync("legal");
        await row.Locator(".assign-confirm").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-status", "Assigned");
        await Expect(row.Locator(".party")).ToHaveTextAsync("法律事务部");

        // Retired: a new complaint is no longer offered it, and the first one still names it after a reload.
        await admin.Locator("#department-state-submit").ClickAsync();
        await Expect(admin.Locator("#department-saved")).ToHaveTextAsync("部门已停用，不再供转办选择。");
        await Expect(admin.Locator("#departments tr[data-department='legal'] .department-state")).ToHaveTextAsync("已停用");
        var second = await NewComplaint(agentApi);
        var next = agent.Locator($"#complaint-list li[data-order='{second}']");
        await next.Locator(".assign").ClickAsync();
        await next.Locator(".party-kind").SelectOptionAsync("department");
        await Expect(next.Locator(".party-department option[value='quality']")).ToHaveTextAsync("质量监督部");
        await Expect(next.Locator(".party-department option[value='legal']")).ToHaveCountAsync(0);
        await Go(agent, "/console");
        await agent.Locator("#tab-complaints").ClickAsync();
        await Expect(agent.Locator($"#complaint-list li[data-order='{first}'] .party")).ToHaveTextAsync("法律事务部");
        Assert.Empty(session.ScriptErrors(agent));
    });

    private static async Task<string> NewComplaint(WebSession agent)
    {
        var response = await agent.Http.PostAsJsonAsync("/api/complaints",
            new { contactName = "陈先生", contactPhone = "13700137000", severity = "low", description = "合同条款有争议" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }
}
