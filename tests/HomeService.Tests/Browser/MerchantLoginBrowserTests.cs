using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Merchants;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Merchants' logins in a real browser: the approved company opens the link from its SMS, chooses a password (a weak
/// one is named at its field) and signs in to its desk; there it makes a worker's login and sees the one-time password
/// once; the worker signs in with it, is made to change it, and lands on /worker. A used link says so.
/// </summary>
public sealed class MerchantLoginBrowserTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    [Fact]
    public Task A_company_sets_its_password_from_the_link_and_its_worker_changes_the_one_time_password_at_the_first_sign_in() => InBrowser(async session =>
    {
        var (merchantId, phone) = await MerchantLoginSteps.Applied(Deployment, Web, 3);
        using (var admin = await WebSession.SignIn(Web, "admin")) await MerchantLoginSteps.Approve(admin, merchantId);
        var link = (await MerchantLoginSteps.SetupSms(Deployment, phone)).Single().GetProperty("link").GetString()!;
        var login = merchantId.ToLowerInvariant();

        // 1. The link from the SMS: the page names the login; a weak password is named at its field; then it is set.
        var owner = await session.Open(Web, "owner");
        await Go(owner, link);
        await Expect(owner.Locator("#setup-lead")).ToContainTextAsync(login);
        await owner.Locator("#new-password").FillAsync("anxin");
        await owner.Locator("#confirm-password").FillAsync("anxin");
        await owner.Locator("#setup-submit").ClickAsync();
        await Expect(owner.Locator(".field-error[data-field='newPassword']")).ToBeVisibleAsync();
        await owner.Locator("#new-password").FillAsync("Anxin2026");
        await owner.Locator("#confirm-password").FillAsync("Anxin2026");
        await owner.Locator("#setup-submit").ClickAsync();
        await Expect(owner.Locator("#setup-done")).ToContainTextAsync(login);

        // The same link again: used, and it says so instead of showing the form.
        await Go(owner, link);
        await Expect(owner.Locator("#setup-problem")).ToHaveTextAsync("此链接已使用过，密码已经设置。请直接登录。");
        await Expect(owner.Locator("#setup-form")).ToHaveCountAsync(0);

        // 2. It signs in to its desk, where a worker of its own is waiting for a login.
        using (var desk = await WebSession.SignIn(Web, login, "Anxin2026"))
        {
            var added = await desk.Http.PostAsJsonAsync("/api/merchant/workers",
                new { name = "钱小红", phone = "13903710177", skills = new[] { "hourly" }, languages = Array.Empty<string>(), yearsOfExperience = 1 });
            added.EnsureSuccessStatusCode();
        }
        var workerId = await Deployment.Scalar<string>("SELECT id FROM worker WHERE merchant_id = $1", merchantId);
        await SignIn(owner, login, "Anxin2026");
        await IsOn(owner, "/merchant");
        var panel = owner.Locator("#logins-panel");
        await Expect(panel).ToHaveAttributeAsync("data-ready", "true");
        await Expect(owner.Locator($"#login-list tr[data-login='{login}'] .role")).ToHaveTextAsync("企业管理员");

        // 3. A worker's login: the worker's number is suggested after the company's prefix; the password shows once.
        await owner.Locator("#login-add-open").ClickAsync();
        var add = owner.Locator("#login-add");
        await add.Locator("[name='workerId']").SelectOptionAsync(workerId!);
        await Expect(add.Locator("[name='loginName']")).ToHaveValueAsync(workerId!.ToLowerInvariant());
        await Expect(owner.Locator("#login-prefix")).ToHaveTextAsync($"{login}-");
        await add.Locator("button[type='submit']").ClickAsync();
        var workerLogin = $"{login}-{workerId.ToLowerInvariant()}";
        await Expect(owner.Locator("#login-issued-text")).ToContainTextAsync(workerLogin);
        var oneTime = (await owner.Locator("#login-issued-password").TextContentAsync())!.Trim();
        Assert.Equal(12, oneTime.Length);
        await Expect(add).ToBeHiddenAsync();
        var row = owner.Locator($"#login-list tr[data-login='{workerLogin}']");
        await Expect(row.Locator(".worker")).ToContainTextAsync("钱小红");
        await Expect(row.Locator(".state")).ToHaveTextAsync("正常");
        // The worker now has a login, so the form no longer offers them.
        await owner.Locator("#login-add-open").ClickAsync();
        await Expect(add.Locator($"[name='workerId'] option[value='{workerId}']")).ToHaveCountAsync(0);

        // 4. The worker's first sign-in: the one-time password leads to the change form, and then to /worker.
        var worker = await session.Open(Web, "worker");
        await SignIn(worker, workerLogin, oneTime);
        await IsOn(worker, "/account/password");
        await Expect(worker.Locator("#must-change")).ToBeVisibleAsync();
        await Go(worker, "/worker");
        await IsOn(worker, "/account/password"); // nothing else opens first
        await worker.Locator("#current-password").FillAsync(oneTime);
        await worker.Locator("#new-password").FillAsync("Xiaohong2026");
        await worker.Locator("#confirm-password").FillAsync("Xiaohong2026");
        await worker.Locator("#password-submit").ClickAsync();
        await IsOn(worker, "/worker");
        await Expect(worker.Locator("#page-title")).ToHaveTextAsync("我的工作");
        Assert.Empty(session.ScriptErrors(owner));
    });
}
