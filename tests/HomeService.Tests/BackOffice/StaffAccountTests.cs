using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.BackOffice;

/// <summary>
/// 账号与权限 over the admin API on the shared deployment (two web hosts): accounts created with a one-time password that
/// must be changed, sessions that end on every web host when an account is disabled or its password changes, one lockout
/// for all web hosts, and every change in the audit log with its before and after.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class StaffAccountTests(SharedDeployment shared)
{
    private static readonly TimeSpan FiveSeconds = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_new_supervisor_must_choose_a_password_before_anything_else_and_the_audit_log_shows_both_steps()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var login = Login("sup");
        var oneTime = await Create(admin, login, "陈班长", ["Supervisor"]);

        using var supervisor = await WebSession.SignIn(shared.WebB, login, oneTime);
        var blocked = await supervisor.Http.GetAsync("/api/queues");
        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.Equal("urn:homeservice:problem:password-change-required", (await blocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        var page = await supervisor.Http.GetAsync("/supervisor");
        Assert.Equal("/account/password", page.Headers.Location?.OriginalString);

        var same = await supervisor.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = oneTime });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        Assert.True((await same.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
        var changed = await supervisor.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = "Queue2026ok" });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync("/api/queues")).StatusCode);

        var actions = await AuditActions(admin, login);
        Assert.Contains("account.create", actions);
        Assert.Contains("account.password-change", actions);
        Assert.Contains("signin.ok", actions);
        var created = (await Audit(admin, login)).First(e => e.GetProperty("action").GetString() == "account.create");
        Assert.Equal("admin:admin", created.GetProperty("actor").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("before").ValueKind);
        Assert.Contains("陈班长", created.GetProperty("after").GetString());
        Assert.DoesNotContain("AQAAAA", created.GetProperty("after").GetString()); // never the password hash
        Assert.False(string.IsNullOrEmpty(created.GetProperty("address").GetString()));
    }

    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_live_connection_on_the_other_web_host_and_enabling_lets_it_sign_in_again()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var (login, password) = await ReadyAccount(admin, "dis");
        using var onB = await WebSession.SignIn(shared.WebB, login, password);
        Assert.Equal(HttpStatusCode.OK, (await onB.Http.GetAsync("/api/me")).StatusCode);
        await using var live = await LiveClient.Connect(shared.WebB, onB);
        using var colleagueSession = await WebSession.SignIn(shared.WebB, "supervisor");
        await using var colleague = await LiveClient.Connect(shared.WebB, colleagueSession);

        var disabled = await admin.Http.PostAsJsonAsync($"/api/admin/accounts/{login}/disable", new { text = "离职" });
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        await Eventually.True(async () => (await onB.Http.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized, FiveSeconds,
            "the disabled account's session on web host B ends");
        // Its live connection, open since before, ends too (its pushes stop) at the host's next check of its connections
        // (every 2 s; a loaded suite once took longer than 5 s); a colleague's stays.
        Assert.Same(live.Closed, await Task.WhenAny(live.Closed, Task.Delay(TimeSpan.FromSeconds(30))));
        Assert.False(colleague.Closed.IsCompleted);
        var again = await WebSession.Anonymous(shared.WebB).Http.PostAsJsonAsync("/api/session", new { login, password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsJsonAsync($"/api/admin/accounts/{login}/enable", new { text = "返聘" })).StatusCode);
        using var back = await WebSession.SignIn(shared.WebB, login, password);
        var disable = (await Audit(admin, login)).First(e => e.GetProperty("action").GetString() == "account.disable");
        Assert.Contains("\"disabled\": false", Spaced(disable.GetProperty("before").GetString()));
        Assert.Contains("\"disabled\": true", Spaced(disable.GetProperty("after").GetString()));
        Assert.Contains("离职", disable.GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_password_reset_ends_the_old_session_on_the_other_web_host_and_the_old_password_stops_working()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var (login, password) = await ReadyAccount(admin, "rst");
        using var onB = await WebSession.SignIn(shared.WebB, login, password);

        var reset = await admin.Http.PostAsync($"/api/admin/accounts/{login}/password-reset", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var oneTime = (await reset.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;
        await Eventually.True(async () => (await onB.Http.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized, FiveSeconds,
            "the session from before the reset ends on web host B");
        var old = await WebSession.Anonymous(shared.WebA).Http.PostAsJsonAsync("/api/session", new { login, password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var fresh = await WebSession.SignIn(shared.WebA, login, oneTime);
        Assert.Equal(HttpStatusCode.Forbidden, (await fresh.Http.GetAsync("/api/queues")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_on_every_web_host_until_an_admin_unlocks_it()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var (login, password) = await ReadyAccount(admin, "lck");
        for (var i = 0; i < 5; i++)
        {
            var host = i % 2 == 0 ? shared.WebA : shared.WebB;
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await WebSession.Anonymous(host).Http.PostAsJsonAsync("/api/session", new { login, password = "wrong-one-1" })).StatusCode);
        }
        var locked = await WebSession.Anonymous(shared.WebB).Http.PostAsJsonAsync("/api/session", new { login, password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        var view = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/accounts/{login}");
        Assert.Equal(JsonValueKind.String, view.GetProperty("lockedUntil").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PostAsync($"/api/admin/accounts/{login}/unlock", null)).StatusCode);
        using var signedIn = await WebSession.SignIn(shared.WebB, login, password);
        var actions = await AuditActions(admin, login);
        Assert.Contains("signin.failed", actions);
        Assert.Contains("signin.locked", actions);
        Assert.Contains("account.unlock", actions);
    }

    [Fact]
    public async Task An_edit_changes_roles_and_ends_the_sessions_that_had_the_old_ones()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var (login, password) = await ReadyAccount(admin, "edt");
        using var onB = await WebSession.SignIn(shared.WebB, login, password);
        Assert.Equal(HttpStatusCode.Forbidden, (await onB.Http.GetAsync("/api/admin/accounts")).StatusCode);

        var edit = await admin.Http.PutAsJsonAsync($"/api/admin/accounts/{login}", new { displayName = "周主管", roles = new[] { "Supervisor", "Admin" } });
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        await Eventually.True(async () => (await onB.Http.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized, FiveSeconds,
            "the session with the old roles ends");
        using var promoted = await WebSession.SignIn(shared.WebB, login, password);
        Assert.Equal(HttpStatusCode.OK, (await promoted.Http.GetAsync("/api/admin/accounts")).StatusCode);
        var edited = (await Audit(admin, login)).First(e => e.GetProperty("action").GetString() == "account.edit");
        Assert.DoesNotContain("周主管", edited.GetProperty("before").GetString());
        Assert.Contains("周主管", edited.GetProperty("after").GetString());
    }

    [Fact]
    public async Task Bad_accounts_are_refused_at_the_field_and_nothing_is_created()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        await Refused(admin, new { login = "13800138000", displayName = "x", roles = new[] { "Agent" }, agentId = "A001" }, "login");
        await Refused(admin, new { login = Login("agt"), displayName = "x", roles = new[] { "Agent" } }, "agentId");
        await Refused(admin, new { login = Login("agt"), displayName = "x", roles = new[] { "Agent" }, agentId = "NOSEAT" }, "agentId");
        await Refused(admin, new { login = Login("res"), displayName = "x", roles = new[] { "Resident" } }, "roles");
        await Refused(admin, new { login = Login("nam"), displayName = "", roles = new[] { "Supervisor" } }, "displayName");
        await Refused(admin, new { login = "admin", displayName = "又一个", roles = new[] { "Admin" } }, "login");

        var self = await admin.Http.PostAsJsonAsync("/api/admin/accounts/admin/disable", new { text = "试试" });
        Assert.Equal(HttpStatusCode.BadRequest, self.StatusCode);
        var resident = await admin.Http.PutAsJsonAsync("/api/admin/accounts/resident", new { displayName = "王", roles = new[] { "Admin" } });
        Assert.Equal(HttpStatusCode.BadRequest, resident.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsync("/api/admin/accounts/nosuchlogin/unlock", null)).StatusCode);
        var list = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/accounts?q=13800138000&role=Agent");
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_audit_export_has_every_matching_line_and_defuses_spreadsheet_formulas()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        var typed = "=cmd|' /c calc'!a0";
        await WebSession.Anonymous(shared.WebA).Http.PostAsJsonAsync("/api/session", new { login = typed, password = "whatever1" });
        var csv = await admin.Http.GetAsync($"/api/admin/audit/export?q={Uri.EscapeDataString("cmd|")}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("时间,操作人", text);
        Assert.Contains("signin.failed", text);
        Assert.DoesNotContain("\n=cmd", text.Replace(",=cmd", "\n=cmd"));
        Assert.Contains("'=cmd", text);
    }

    private static string Login(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..16];

    private static string Spaced(string? json) => JsonSerializer.Serialize(JsonDocument.Parse(json!).RootElement, new JsonSerializerOptions { WriteIndented = true });

    private static async Task<string> Create(WebSession admin, string login, string name, string[] roles, string? agentId = null)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/admin/accounts", new { login, displayName = name, roles, agentId });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("oneTimePassword").GetString()!;
    }

    /// <summary>A supervisor account that has chosen its own password.</summary>
    private async Task<(string Login, string Password)> ReadyAccount(WebSession admin, string prefix)
    {
        var login = Login(prefix);
        var oneTime = await Create(admin, login, "测试班长", ["Supervisor"]);
        using var first = await WebSession.SignIn(shared.WebA, login, oneTime);
        const string password = "Shift2026ok";
        Assert.Equal(HttpStatusCode.NoContent,
            (await first.Http.PostAsJsonAsync("/api/account/password", new { currentPassword = oneTime, newPassword = password })).StatusCode);
        return (login, password);
    }

    private static async Task Refused(WebSession admin, object body, string field)
    {
        var response = await admin.Http.PostAsJsonAsync("/api/admin/accounts", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.False(string.IsNullOrWhiteSpace(messages[0].GetString()));
    }

    private static async Task<List<JsonElement>> Audit(WebSession admin, string login) =>
        (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?q={login}")).GetProperty("items").EnumerateArray().ToList();

    private static async Task<List<string>> AuditActions(WebSession admin, string login) =>
        (await Audit(admin, login)).Select(e => e.GetProperty("action").GetString()!).ToList();
}
