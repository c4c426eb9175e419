using System.Net.Http.Json;
using System.Text.RegularExpressions;
using HomeService.Silo.Operations;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Merchants;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The back office's proof: an installation without demo data becomes a working center through its admin pages alone.
/// The operator's command creates the first administrator; everything after it is done in Chromium, as people would:
/// staff, seats, a queue, a hotline and keys; a category and a district; a company that applies, is approved, sets its
/// password from the SMS link and makes a worker's login; then a call pops at the new agent, whose order of the new
/// category is offered to the new company, and its worker checks in.
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

        // 服务目录: a group, a category in it with one business attribute, and the district the center serves.
        await AddCategory(admin);
        await Go(admin, "/admin/catalogue/places");
        await admin.Locator("#new-code").FillAsync("jinshui");
        await admin.Locator("#new-name-zh").FillAsync("金水区");
        await admin.Locator("#new-name-en").FillAsync("Jinshui District");
        await admin.Locator("#new-name-en").PressAsync("Enter");
        await Expect(admin.Locator("#places-saved")).ToHaveTextAsync("已新增区域。");

        // A company applies on /join for the new category, and the admin approves it.
        const string merchantPhone = "13712345678";
        var merchantId = await Apply(await session.Open(Web, "applicant"), merchantPhone);
        await Approve(admin, merchantId);

        // Its administrator sets a password from the link the outbox sent, adds a worker and makes the worker's login.
        var link = (await MerchantLoginSteps.SetupSms(_deployment, merchantPhone)).Single().GetProperty("link").GetString()!;
        var owner = await session.Open(Web, "owner");
        var merchantLogin = merchantId.ToLowerInvariant();
        await Go(owner, link);
        await Expect(owner.Locator("#setup-lead")).ToContainTextAsync(merchantLogin);
        await owner.Locator("#new-password").FillAsync("Haobang2026");
        await owner.Locator("#confirm-password").FillAsync("Haobang2026");
        await owner.Locator("#setup-submit").ClickAsync();
        await Expect(owner.Locator("#setup-done")).ToContainTextAsync(merchantLogin);
        await SignIn(owner, merchantLogin, "Haobang2026");
        await IsOn(owner, "/merchant");
        var (workerId, workerLogin, workerPassword) = await AddWorker(owner, merchantLogin);

        // The worker's first sign-in ends on /worker once the one-time password is changed.
        var worker = await session.Open(Web, "worker", viewport: new() { Width = 390, Height = 844 });
        await SignIn(worker, workerLogin, workerPassword);
        await IsOn(worker, "/account/password");
        await worker.Locator("#current-password").FillAsync(workerPassword);
        await worker.Locator("#new-password").FillAsync("Xiaohong2026");
        await worker.Locator("#confirm-password").FillAsync("Xiaohong2026");
        await worker.Locator("#password-submit").ClickAsync();
        await IsOn(worker, "/worker");

        // Everything is in place. The agent takes the seat; a call the switch offers with the new key pops on the console.
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

        // The agent answers the call and takes an order of the new category: it is offered to the new merchant.
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await agent.Locator("#order-contact").FillAsync("周女士");
        await agent.Locator("#order-phone").FillAsync("13812345678");
        await agent.Locator("#order-category").SelectOptionAsync("deep-clean"); // made after the console opened: it came by push
        await agent.Locator("#order-req-rooms").FillAsync("3");
        await agent.Locator("#order-district").SelectOptionAsync("金水区");
        await agent.Locator("#order-address").FillAsync("金水区农业路 66 号 2 单元 302");
        await agent.Locator("#order-submit").ClickAsync();
        var result = agent.Locator("#order-result");
        await Expect(result).ToHaveAttributeAsync("data-status", "Offered");
        await Expect(result).ToContainTextAsync(merchantId);
        var orderNo = (await agent.Locator("#order-result .order-no").TextContentAsync())!;

        // The merchant accepts and sends its worker, who sets off and checks in on the phone.
        var incoming = owner.Locator($"#merchant-orders tr[data-order='{orderNo}']");
        await Expect(incoming).ToHaveAttributeAsync("data-status", "Offered");
        await Expect(incoming).ToContainTextAsync("深度保洁");
        await incoming.Locator(".accept").ClickAsync();
        await Expect(incoming).ToHaveAttributeAsync("data-status", "Accepted");
        await incoming.Locator(".worker-select").SelectOptionAsync(workerId);
        await incoming.Locator(".assign").ClickAsync();
        await Expect(incoming).ToHaveAttributeAsync("data-status", "WorkerAssigned");
        var job = worker.Locator($"#jobs li[data-order='{orderNo}']");
        await Expect(job).ToHaveAttributeAsync("data-status", "WorkerAssigned");
        await job.Locator(".en-route").ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "EnRoute");
        await job.Locator(".check-in").ClickAsync();
        await Expect(job).ToHaveAttributeAsync("data-status", "InService");
        await Expect(result).ToHaveAttributeAsync("data-status", "InService");
        foreach (var page in new[] { admin, agent, owner, worker }) Assert.Empty(session.ScriptErrors(page));
    });

    private static async Task AddCategory(IPage admin)
    {
        await Go(admin, "/admin/catalogue");
        await admin.Locator("#add-parent").SelectOptionAsync("");
        await admin.Locator("#add-code").FillAsync("housework");
        await admin.Locator("#add-name-zh").FillAsync("家务服务");
        await admin.Locator("#add-name-en").FillAsync("Housework");
        await admin.Locator("#add-submit").ClickAsync();
        await Expect(admin.Locator("#catalogue-tree li[data-code='housework']")).ToBeVisibleAsync();

        await Go(admin, "/admin/catalogue");
        await admin.Locator("#add-parent").SelectOptionAsync("housework");
        await admin.Locator("#add-code").FillAsync("deep-clean");
        await admin.Locator("#add-name-zh").FillAsync("深度保洁");
        await admin.Locator("#add-name-en").FillAsync("Deep cleaning");
        await admin.Locator("#add-submit").ClickAsync();
        await Expect(admin.Locator("#edit-title")).ToContainTextAsync("深度保洁");
        var row = admin.Locator("#attribute-rows tr[data-row='0']");
        await row.Locator("input[name$='.Key']").FillAsync("rooms");
        await row.Locator("input[name$='.NameZh']").FillAsync("房间数");
        await row.Locator("input[name$='.NameEn']").FillAsync("Rooms");
        await row.Locator("select[name$='.Type']").SelectOptionAsync("number");
        await row.Locator("input[name$='.Required']").CheckAsync();
        await admin.Locator("#edit-submit").ClickAsync();
        await Expect(admin.Locator("#catalogue-saved")).ToHaveTextAsync("已保存，新订单立即使用新的设置。");
    }

    private static async Task<string> Apply(IPage company, string phone)
    {
        await Go(company, "/join");
        var form = company.Locator("#join-form");
        await Expect(form).ToHaveAttributeAsync("data-ready", "true");
        await form.Locator("[name='name']").FillAsync("郑州好帮手家政服务有限公司");
        await form.Locator("[name='creditCode']").FillAsync("91410100MA48QWE3LW");
        await form.Locator("[name='legalPerson']").FillAsync("周敏");
        await form.Locator("[name='contactName']").FillAsync("周敏");
        await form.Locator("[name='contactPhone']").FillAsync(phone);
        await form.Locator("[name='address']").FillAsync("金水区农业路 20 号");
        await form.Locator("[name='district']").FillAsync("金水区");
        await form.Locator("input[name='categories'][value='deep-clean']").CheckAsync();
        await form.Locator("[name='districts']").FillAsync("金水区");
        var document = form.Locator(".document-row").First;
        await document.Locator(".doc-kind").SelectOptionAsync("business-licence");
        await document.Locator(".doc-file").SetInputFilesAsync(new FilePayload
        {
            Name = "营业执照.pdf", MimeType = "application/pdf", Buffer = TestDocuments.MinimalPdf("营业执照 91410100MA48QWE3LW"),
        });
        await Expect(document.Locator(".doc-status")).ToHaveTextAsync("已上传：营业执照.pdf");
        await form.Locator("#join-submit").ClickAsync();
        await Expect(company.Locator("#join-merchant-id")).ToHaveTextAsync(new Regex(@"^M\d+$"));
        return (await company.Locator("#join-merchant-id").TextContentAsync())!;
    }

    private static async Task Approve(IPage admin, string merchantId)
    {
        await Go(admin, "/admin/merchants");
        await Expect(admin.Locator("#merchants-panel")).ToHaveAttributeAsync("data-ready", "true");
        await admin.Locator($"#merchants tr[data-merchant='{merchantId}'] button.open").ClickAsync();
        await Expect(admin.Locator("#merchant-detail")).ToHaveAttributeAsync("data-ready", "true");
        await admin.Locator("#review-form [name='reason']").FillAsync("资料齐全，现场核验通过");
        await admin.Locator("#review-form #review-approve").ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("正常");
    }

    private static async Task<(string WorkerId, string Login, string Password)> AddWorker(IPage owner, string merchantLogin)
    {
        await Expect(owner.Locator("#staff-panel")).ToHaveAttributeAsync("data-ready", "true");
        await owner.Locator("#staff-add-open").ClickAsync();
        var add = owner.Locator("#staff-add");
        await add.Locator("[name='name']").FillAsync("钱小红");
        await add.Locator("[name='phone']").FillAsync("13903710177");
        await add.Locator("input[name='skills'][value='deep-clean']").CheckAsync();
        await add.Locator("button[type='submit']").ClickAsync();
        await Expect(owner.Locator("#staff-added")).ToContainTextAsync("钱小红");
        var workerId = (await owner.Locator("#staff-list tbody tr", new() { HasText = "钱小红" }).GetAttributeAsync("data-worker"))!;
        // A new worker starts off duty; the company puts them on duty.
        await owner.Locator("#staff-status [name='status']").SelectOptionAsync("Available");
        await owner.Locator("#staff-status button[type='submit']").ClickAsync();
        await Expect(owner.Locator("#staff-detail-status")).ToHaveTextAsync("空闲");

        await Expect(owner.Locator("#logins-panel")).ToHaveAttributeAsync("data-ready", "true");
        await owner.Locator("#login-add-open").ClickAsync();
        await owner.Locator("#login-add [name='workerId']").SelectOptionAsync(workerId);
        await owner.Locator("#login-add button[type='submit']").ClickAsync();
        var login = $"{merchantLogin}-{workerId.ToLowerInvariant()}";
        await Expect(owner.Locator("#login-issued-text")).ToContainTextAsync(login);
        return (workerId, login, (await owner.Locator("#login-issued-password").TextContentAsync())!.Trim());
    }

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
