using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using static HomeService.Tests.Merchants.MerchantLoginSteps;

namespace HomeService.Tests.Merchants;

/// <summary>One deployment for the merchant-login tests of a class; each test makes its own merchant or logins.</summary>
public sealed class MerchantLoginDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 1);

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// Merchants and workers get logins: an approved company's administrator gets a set-password link by SMS (never a
/// password), sets a password once with it, and makes its own workers' and dispatchers' logins with one-time passwords
/// that must be changed at the first sign-in. Another company neither sees nor touches them; a dispatcher runs orders
/// and workers but not the company's profile, credit or logins; an admin sees every one of these accounts.
/// </summary>
public sealed class MerchantLoginTests(MerchantLoginDeployment fixture) : IClassFixture<MerchantLoginDeployment>
{
    private TestDeployment Deployment => fixture.Deployment;
    private RunningWeb Web => fixture.Web;

    [Fact]
    public async Task An_approved_company_sets_its_password_from_the_sms_link_once_and_makes_a_worker_login_that_must_be_changed_first()
    {
        var (merchantId, phone) = await Applied(Deployment, Web, 1);
        using var admin = await WebSession.SignIn(Web, "admin");
        await Approve(admin, merchantId);

        // The applicant's SMS: the login and a link, no password. The login is the merchant id in lower case.
        var login = merchantId.ToLowerInvariant();
        var sms = await SetupSms(Deployment, phone);
        Assert.Single(sms);
        Assert.Equal(login, sms[0].GetProperty("login").GetString());
        var link = sms[0].GetProperty("link").GetString()!;
        Assert.StartsWith("/account/setup?token=", link);
        Assert.DoesNotContain("password", sms[0].GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("merchant.approved", await Deployment.Scalar<string>(
            "SELECT template FROM notification_outbox WHERE channel = 'sms' AND recipient_id = $1 AND template = 'merchant.approved'", phone));

        // The account is an app_user row with its role and company, and the admin's account list shows it.
        Assert.Equal(merchantId, await Deployment.Scalar<string>("SELECT merchant_id FROM app_user WHERE login = $1 AND 'MerchantAdmin' = ANY (roles)", login));
        var listed = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/accounts?role=MerchantAdmin");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("login").GetString() == login
            && a.GetProperty("merchantId").GetString() == merchantId);
        // Before the link is used nothing signs in, not even an empty password.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().PostAsJsonAsync("/api/session", new { login, password = TestDeployment.DemoPassword })).StatusCode);

        // An admin sends a fresh link (the first expired, say): the earlier one no longer works.
        var resent = await admin.Http.PostAsync($"/api/admin/merchants/{merchantId}/admin-login", null);
        Assert.Equal(HttpStatusCode.OK, resent.StatusCode);
        Assert.Equal(login, (await resent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login").GetString());
        var newest = (await SetupSms(Deployment, phone)).Last().GetProperty("link").GetString()!;
        Assert.NotEqual(link, newest);
        Assert.Equal("设置密码链接无效，请核对短信中的完整链接。", await SetupRefusal(Token(link), "Anxin2026"));

        // The link sets a password that keeps the rules, once.
        var token = Token(newest);
        var weak = await Anonymous().PostAsJsonAsync("/api/account/setup", new { token, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
        var set = await Anonymous().PostAsJsonAsync("/api/account/setup", new { token, newPassword = "Anxin2026" });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(login, (await set.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("login").GetString());
        Assert.Equal("设置密码链接已使用过，请直接登录。", await SetupRefusal(token, "Other2026x"));

        // The administrator signs in to the merchant desk.
        using var merchant = await WebSession.SignIn(Web, login, "Anxin2026");
        Assert.Equal("/merchant", (await merchant.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("landingPage").GetString());
        Assert.Equal(HttpStatusCode.OK, (await merchant.Http.GetAsync("/merchant")).StatusCode);

        // It adds a worker and makes the worker's login: a login without the company's prefix is named at its field.
        var added = await merchant.Http.PostAsJsonAsync("/api/merchant/workers",
            new { name = "赵春梅", phone = "13903710188", skills = new[] { "hourly" }, languages = Array.Empty<string>(), yearsOfExperience = 2 });
        var workerId = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("worker").GetProperty("workerId").GetString()!;
        var unprefixed = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "Worker", login = "zhaochunmei", workerId });
        Assert.Equal($"登录名须以“{login}-”开头，后面再加上至少一个字符。", await FieldError(unprefixed, "login"));
        var workerLogin = $"{login}-{workerId.ToLowerInvariant()}";
        var created = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "Worker", login = workerLogin, workerId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var issued = await created.Content.ReadFromJsonAsync<JsonElement>();
        var oneTime = issued.GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(("赵春梅", "Worker", workerId, true), (issued.GetProperty("login").GetProperty("displayName").GetString(),
            issued.GetProperty("login").GetProperty("role").GetString(), issued.GetProperty("login").GetProperty("workerId").GetString(),
            issued.GetProperty("login").GetProperty("mustChangePassword").GetBoolean()));
        var twice = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "Worker", login = workerLogin + "b", workerId });
        Assert.Equal("服务人员已有登录账号。", await FieldError(twice, "workerId"));
        var mine = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/logins");
        Assert.Equal([login, workerLogin], mine.EnumerateArray().Select(l => l.GetProperty("login").GetString()));

        // The worker signs in with the one-time password: nothing but the password change is open until it is changed.
        using var worker = await WebSession.SignIn(Web, workerLogin, oneTime);
        var gated = await worker.Http.GetAsync("/api/worker/jobs");
        Assert.Equal(HttpStatusCode.Forbidden, gated.StatusCode);
        Assert.Equal("urn:homeservice:problem:password-change-required", (await gated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal("/account/password", (await worker.Http.GetAsync("/worker")).Headers.Location?.OriginalString);
        var changed = await worker.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = "Chunmei2026" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("/worker")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("/api/worker/jobs")).StatusCode);
        Assert.Equal(workerId, (await worker.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("workerId").GetString());

        // Another company neither sees nor touches these logins.
        using var other = await WebSession.SignIn(Web, "merchant2");
        var theirs = await other.Http.GetFromJsonAsync<JsonElement>("/api/merchant/logins");
        Assert.DoesNotContain(theirs.EnumerateArray(), l => l.GetProperty("login").GetString()!.StartsWith(login));
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsJsonAsync($"/api/merchant/logins/{workerLogin}/disable", new { reason = "试试" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsync($"/api/merchant/logins/{workerLogin}/password-reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.Http.GetAsync("/api/worker/jobs")).StatusCode);

        // Its own administrator disables it: the worker's session ends, and the admin's list says so.
        var disabled = await merchant.Http.PostAsJsonAsync($"/api/merchant/logins/{workerLogin}/disable", new { reason = "合同到期" });
        Assert.True((await disabled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.Http.GetAsync("/api/worker/jobs")).StatusCode);
        var workers = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/accounts?role=Worker&q={workerLogin}");
        var row = Assert.Single(workers.GetProperty("items").EnumerateArray());
        Assert.Equal((workerId, merchantId, true), (row.GetProperty("workerId").GetString(), row.GetProperty("merchantId").GetString(), row.GetProperty("disabled").GetBoolean()));
        Assert.Equal("account.disable", await Deployment.Scalar<string>(
            "SELECT action FROM audit_log WHERE target_id = $1 AND actor = $2 ORDER BY id DESC LIMIT 1", workerLogin, $"merchant:{merchantId}:{login}"));
    }

    [Fact]
    public async Task A_dispatcher_runs_the_desks_orders_and_workers_but_not_the_companys_profile_credit_or_logins()
    {
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        var created = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "MerchantDispatcher", login = "m001-zhao", displayName = "赵调度" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var oneTime = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;
        var unnamed = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "MerchantDispatcher", login = "m001-qian", displayName = " " });
        Assert.Equal("请填写姓名。", await FieldError(unnamed, "displayName"));
        var stranger = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "Worker", login = "m001-w004", workerId = "W004" });
        Assert.Equal("服务人员不存在。", await FieldError(stranger, "workerId")); // M002's worker
        var boss = await merchant.Http.PostAsJsonAsync("/api/merchant/logins", new { role = "MerchantAdmin", login = "m001-boss", displayName = "老板" });
        Assert.Equal("角色不存在。", await FieldError(boss, "role"));
        // Its own administrator login is the center's to manage.
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.Http.PostAsJsonAsync("/api/merchant/logins/merchant1/disable", new { reason = "试试" })).StatusCode);

        using var dispatcher = await WebSession.SignIn(Web, "m001-zhao", oneTime);
        Assert.Equal(HttpStatusCode.NoContent,
            (await dispatcher.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = "Zhao2026x" })).StatusCode);
        Assert.Equal("/merchant", (await dispatcher.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("landingPage").GetString());

        // The desk: orders, workers, the inbox, the order report. Its page has no credit, company or logins panel.
        var page = await dispatcher.Http.GetStringAsync("/merchant");
        Assert.Contains("id=\"staff-panel\"", page);
        Assert.DoesNotContain("id=\"logins-panel\"", page);
        Assert.DoesNotContain("id=\"profile-panel\"", page);
        Assert.DoesNotContain("id=\"credit-panel\"", page);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");
        foreach (var path in new[] { "/api/merchant/orders", "/api/merchant/workers", "/api/merchant/workers/W002", "/api/merchant/notifications",
                     $"/api/merchant/orders/report?from={today}&to={today}" })
            Assert.True((await dispatcher.Http.GetAsync(path)).StatusCode == HttpStatusCode.OK, path);
        var rested = await dispatcher.Http.PostAsJsonAsync("/api/merchant/workers/W003/status", new { status = "Resting" });
        Assert.Equal(HttpStatusCode.OK, rested.StatusCode);

        // Not the company's profile, its credit and appeals, or its logins.
        foreach (var (method, path) in new[]
                 {
                     ("GET", "/api/merchant/profile"), ("PUT", "/api/merchant/profile"), ("GET", "/api/merchant/credit"),
                     ("POST", "/api/merchant/credit/appeals"), ("GET", "/api/merchant/logins"), ("POST", "/api/merchant/logins"),
                     ("POST", "/api/merchant/logins/m001-zhao/disable"), ("POST", "/api/merchant/logins/m001-zhao/password-reset"),
                 })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method != "GET") request.Content = JsonContent.Create(new { });
            Assert.True((await dispatcher.Http.SendAsync(request)).StatusCode == HttpStatusCode.Forbidden, $"{method} {path}");
        }

        // Its administrator resets its password to a new one-time password: the old password and session end.
        var reset = await merchant.Http.PostAsync("/api/merchant/logins/m001-zhao/password-reset", null);
        var fresh = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;
        Assert.Equal(HttpStatusCode.Unauthorized, (await dispatcher.Http.GetAsync("/api/merchant/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await Anonymous().PostAsJsonAsync("/api/session", new { login = "m001-zhao", password = "Zhao2026x" })).StatusCode);
        using var again = await WebSession.SignIn(Web, "m001-zhao", fresh);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.Http.GetAsync("/api/merchant/orders")).StatusCode); // must change it first
    }

    private async Task<string> SetupRefusal(string token, string password)
    {
        var refused = await Anonymous().PostAsJsonAsync("/api/account/setup", new { token, newPassword = password });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        return await FieldError(refused, "token");
    }

    private static async Task<string> FieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Web.BaseAddress };
}

/// <summary>Steps of the merchant-login tests that the expiry and browser tests share: apply, approve, read the SMS.</summary>
public static class MerchantLoginSteps
{
    /// <summary>A company applies with a credit code and phone of its own (<paramref name="n"/> keeps tests apart).</summary>
    public static async Task<(string MerchantId, string Phone)> Applied(TestDeployment deployment, RunningWeb web, int n)
    {
        var phone = $"1371234{n:0000}";
        using var anonymous = new HttpClient { BaseAddress = web.BaseAddress };
        var applied = await anonymous.PostAsJsonAsync("/api/merchant-applications", new
        {
            name = $"郑州安居家政服务有限公司{n}", creditCode = CreditCode($"91410100MA9{n:00000}X"), legalPerson = "孙敏", contactName = "孙敏",
            contactPhone = phone, address = "金水区经三路 8 号", district = "金水区", categories = new[] { "hourly" }, districts = new[] { "金水区" },
            documents = new[] { new { kind = "business-licence", name = "营业执照.pdf" } },
        });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        return ((await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("merchantId").GetString()!, phone);
    }

    public static async Task Approve(WebSession admin, string merchantId)
    {
        var approved = await admin.Http.PostAsJsonAsync($"/api/admin/merchants/{merchantId}/review", new { approve = true, reason = "资料齐全" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    /// <summary>The set-password SMS messages to a phone, oldest first, as their parameters.</summary>
    public static async Task<List<JsonElement>> SetupSms(TestDeployment deployment, string phone)
    {
        await using var conn = new Npgsql.NpgsqlConnection(deployment.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "SELECT params::text FROM notification_outbox WHERE channel = 'sms' AND recipient_id = $1 AND template = 'account.setup-link' ORDER BY created_at, id", conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = phone });
        var found = new List<JsonElement>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) found.Add(JsonDocument.Parse(r.GetString(0)).RootElement);
        return found;
    }

    public static string Token(string link) => Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + "token=".Length)..]);

    /// <summary>The 17 characters given and the check character that makes the code valid.</summary>
    public static string CreditCode(string seventeenAndAny)
    {
        var body = seventeenAndAny[..17];
        return "0123456789ABCDEFGHJKLMNPQRTUWXY".Select(c => body + c).First(SocialCreditCode.IsValid);
    }
}

/// <summary>A set-password link that has expired is refused, with a sentence that says what to do.</summary>
public sealed class SetupLinkExpiryTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new()
    {
        ["HomeService:Accounts:SetupLinkLifetime"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task An_expired_link_sets_no_password()
    {
        var web = _deployment.WebHosts[0];
        var (merchantId, phone) = await MerchantLoginSteps.Applied(_deployment, web, 2);
        using var admin = await WebSession.SignIn(web, "admin");
        await MerchantLoginSteps.Approve(admin, merchantId);
        var token = MerchantLoginSteps.Token((await MerchantLoginSteps.SetupSms(_deployment, phone)).Single().GetProperty("link").GetString()!);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the link's whole lifetime, and then some: it can only be later than expired

        using var anonymous = new HttpClient { BaseAddress = web.BaseAddress };
        var refused = await anonymous.PostAsJsonAsync("/api/account/setup", new { token, newPassword = "Anxin2026" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("设置密码链接已过期，请联系服务中心重新发送。",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("token")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await anonymous.PostAsJsonAsync("/api/session", new { login = merchantId.ToLowerInvariant(), password = "Anxin2026" })).StatusCode);
    }
}
