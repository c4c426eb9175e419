using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HomeService.Silo.Operations;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The back office's proof: an installation without demo data becomes a working center through its admin pages alone.
/// The operator's command creates the first administrator; everything after it is done in Chromium, as people would.
/// </summary>
public sealed class EmptyCenterBrowserTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb Web => _deployment.WebHosts[0];

    public async Task InitializeAsync() =>
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:Seed:Demo"] = "false" });

    public Task DisposeAsync() => _deployment.DisposeAsync().AsTask();

    [Fact]
    public Task An_empty_center_is_set_up_through_its_admin_pages_from_the_first_administrator_on() => InBrowser(async session =>
    {
        // A visitor of the unconfigured center is told how to create the first administrator; no demo login works.
        var visitor = await session.Open(Web, "visitor");
        await Go(visitor, "/login");
        await Expect(visitor.Locator("#first-run")).ToContainTextAsync("create-admin");

        // The operator's command prints a one-time password.
        using var printed = new StringWriter();
        Assert.Equal(0, await AdminCommand.Run(["create-admin", "root", .. _deployment.CommandArgs()], printed, printed));
        var oneTime = Regex.Match(printed.ToString(), "One-time password: (\\S+)").Groups[1].Value;
        Assert.NotEmpty(oneTime);
        using (var again = new StringWriter())
            Assert.Equal(1, await AdminCommand.Run(["create-admin", "second", .. _deployment.CommandArgs()], again, again)); // only the first

        // The first sign-in leads to the password change, and nowhere else until it is done.
        var admin = await session.Open(Web, "root");
        await SignIn(admin, "root", oneTime);
        await IsOn(admin, "/account/password");
        await Expect(admin.Locator("#must-change")).ToBeVisibleAsync();
        await Go(admin, "/admin/accounts");
        await IsOn(admin, "/account/password");
        await admin.Locator("#current-password").FillAsync(oneTime);
        await admin.Locator("#new-password").FillAsync("Center2026go");
        await admin.Locator("#confirm-password").FillAsync("Center2026go");
        await admin.Locator("#password-submit").ClickAsync();
        await IsOn(admin, "/admin");

        // Two seats with skills, then a queue that takes them.
        await admin.Locator("#admin-menu a[data-section='call-center']").ClickAsync();
        await admin.Locator("#card-seats").ClickAsync();
        await IsOn(admin, "/admin/call-center/seats");
        await AddSeat(admin, "S01", "李华", "8101", 4);
        await AddSeat(admin, "S02", "王芳", "8102", 3);
        await Expect(admin.Locator("#seats tbody tr")).ToHaveCountAsync(2);

        await admin.Locator("#call-center-menu a[data-part='queues']").ClickAsync();
        var queueForm = admin.Locator("#queue-form");
        await queueForm.Locator("#queue-id").FillAsync("home-care");
        await queueForm.Locator("#queue-name-zh").FillAsync("家政服务");
        await queueForm.Locator("#queue-save").ClickAsync();
        await Expect(queueForm.Locator(".field-error[data-field='nameEn']")).ToContainTextAsync("英文名称");
        await queueForm.Locator("#queue-name-en").FillAsync("Home care");
        await queueForm.Locator("input[name='Form.TierSkill[0]']").FillAsync("homecare");
        await queueForm.Locator("#queue-save").ClickAsync();
        await Expect(admin.Locator("#queue-created")).ToContainTextAsync("home-care");
        await Expect(admin.Locator("#queues tr[data-queue='home-care']")).ToContainTextAsync("家政服务");

        // A supervisor and two agents on those seats, each with a one-time password to hand over.
        var supervisorPassword = await AddAccount(admin, "zhang.sup", "张班长", "Supervisor", null);
        var agentPassword = await AddAccount(admin, "li.agent", "李华", "Agent", "S01");
        await AddAccount(admin, "wang.agent", "王芳", "Agent", "S02");
        await Go(admin, "/admin/accounts?role=Agent");
        await Expect(admin.Locator("#accounts tbody tr")).ToHaveCountAsync(2);
        Assert.NotEmpty(supervisorPassword);

        // The agent's first sign-in: the password, then the console of seat S01.
        var agent = await session.Open(Web, "li.agent");
        await SignIn(agent, "li.agent", agentPassword);
        await IsOn(agent, "/account/password");
        await agent.Locator("#current-password").FillAsync(agentPassword);
        await agent.Locator("#new-password").FillAsync("Agent2026go");
        await agent.Locator("#confirm-password").FillAsync("Agent2026go");
        await agent.Locator("#password-submit").ClickAsync();
        await IsOn(agent, "/console");

        // A hotline number routed to the new queue, and the two keys: the switch's and a partner's, each shown once.
        await Go(admin, "/admin/call-center/hotlines");
        await admin.Locator("#add-dialled").FillAsync("037188880");
        await admin.Locator("#add-name").FillAsync("家政服务热线");
        await admin.Locator("#add-queue").SelectOptionAsync("home-care");
        await admin.Locator("#hotline-add-submit").ClickAsync();
        await IsOn(admin, "/admin/call-center/hotlines/037188880");
        var telephonyKey = await IssueKey(admin, "交换机", "telephony", null);
        var partnerKey = await IssueKey(admin, "好邻居家政平台", "partner", "haolinju");

        // The agent takes the seat; a call the switch offers with the new key pops on the console.
        await agent.Locator("#seat-login").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "NotReady");
        await agent.Locator("#seat-ready").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "Available");
        using var telephony = new HttpClient { BaseAddress = Web.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", telephonyKey);
        var callId = $"sim-{Guid.NewGuid():N}";
        using var offer = new HttpRequestMessage(HttpMethod.Post, "/api/cti/calls")
        {
            Content = JsonContent.Create(new { callId, caller = "13812345678", dialled = "037188880", trunk = "T1" }),
        };
        offer.Headers.Add("Idempotency-Key", $"offer-{callId}");
        var offered = await telephony.SendAsync(offer);
        Assert.True(offered.IsSuccessStatusCode, await offered.Content.ReadAsStringAsync());
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await Expect(agent.Locator("#call-caller")).ToHaveTextAsync("13812345678");

        // The partner's key is accepted for what a partner may do, and only that.
        using var partner = new HttpClient { BaseAddress = Web.BaseAddress };
        partner.DefaultRequestHeaders.Add("X-Api-Key", partnerKey);
        Assert.True((await partner.GetAsync("/api/partner/orders")).IsSuccessStatusCode);
        Assert.Contains((int)(await partner.GetAsync("/api/admin/accounts")).StatusCode, new[] { 401, 403 });

        // Every step is in the audit log with who did it.
        await Go(admin, "/admin/audit?q=root");
        await Expect(admin.Locator("#audit-rows tr[data-action='seat.create']")).ToHaveCountAsync(2);
        await Expect(admin.Locator("#audit-rows tr[data-action='queue.create']")).ToHaveCountAsync(1);
        await Expect(admin.Locator("#audit-rows tr[data-action='account.create']")).ToHaveCountAsync(4); // root's own, by the command, and three
        await Expect(admin.Locator("#audit-rows tr[data-action='api_key.issue']")).ToHaveCountAsync(2);
    });

    private static async Task<string> IssueKey(IPage admin, string name, string kind, string? partnerId)
    {
        await Go(admin, "/admin/keys");
        var form = admin.Locator("#issue-form");
        await form.Locator("#issue-name").FillAsync(name);
        await form.Locator($"input[name='Kind'][value='{kind}']").CheckAsync();
        if (partnerId is not null) await form.Locator("#issue-partner").FillAsync(partnerId);
        await form.Locator("#issue-submit").ClickAsync();
        await Expect(admin.Locator("#new-key-panel")).ToBeVisibleAsync();
        return await admin.Locator("#new-key").InputValueAsync();
    }

    private static async Task AddSeat(IPage admin, string id, string name, string extension, int level)
    {
        var form = admin.Locator("#seat-form");
        await form.Locator("#seat-id").FillAsync(id);
        await form.Locator("#seat-name").FillAsync(name);
        await form.Locator("#seat-extension").FillAsync(extension);
        await form.Locator("input[name='Form.Skill[0]']").FillAsync("homecare");
        await form.Locator("select[name='Form.Level[0]']").SelectOptionAsync(level.ToString());
        await form.Locator("#seat-save").ClickAsync();
        await Expect(admin.Locator("#seat-created")).ToContainTextAsync(id);
    }

    private static async Task<string> AddAccount(IPage admin, string login, string name, string role, string? seat)
    {
        await Go(admin, "/admin/accounts");
        await admin.Locator("#account-new").ClickAsync();
        await IsOn(admin, "/admin/accounts/new");
        await admin.Locator("#account-login").FillAsync(login);
        await admin.Locator("#account-name").FillAsync(name);
        await admin.Locator($"#account-roles input[value='{role}']").CheckAsync();
        if (seat is not null) await admin.Locator("#account-seat").SelectOptionAsync(seat);
        await admin.Locator("#account-save").ClickAsync();
        await Expect(admin.Locator("#account-created")).ToContainTextAsync(login);
        return (await admin.Locator("#one-time-password").TextContentAsync())!.Trim();
    }
}
