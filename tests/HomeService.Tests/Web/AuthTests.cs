using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Web;

[Collection(SharedDeploymentCollection.Name)]
public sealed class AuthTests(SharedDeployment shared)
{
    [Theory]
    [InlineData("admin", "Admin", "/admin")]
    [InlineData("supervisor", "Supervisor", "/supervisor")]
    [InlineData("agent1", "Agent", "/console")]
    [InlineData("merchant1", "MerchantAdmin", "/merchant")]
    [InlineData("worker1", "Worker", "/worker")]
    [InlineData("resident", "Resident", "/member")]
    public async Task Each_seeded_login_signs_in_with_its_role_and_landing_page(string login, string role, string landing)
    {
        using var session = await WebSession.SignIn(shared.WebA, login);
        var me = await session.Http.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(login, me.GetProperty("login").GetString());
        Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(landing, me.GetProperty("landingPage").GetString());
    }

    [Fact]
    public async Task No_login_gets_401_problem_for_the_api_and_a_redirect_for_pages()
    {
        using var anonymous = WebSession.Anonymous(shared.WebA);
        var api = await anonymous.Http.GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:homeservice:problem:unauthenticated", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        var page = await anonymous.Http.GetAsync("/console");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_wrong_role_gets_403_from_the_api_and_the_denied_page()
    {
        using var agent = await WebSession.SignIn(shared.WebA, "agent2");
        var post = await agent.Http.PostAsJsonAsync("/api/broadcasts", new { text = "不该发出", minutes = 5 });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal("urn:homeservice:problem:forbidden", (await post.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());

        var page = await agent.Http.GetAsync("/merchant");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/denied", page.Headers.Location!.PathAndQuery);

        using var resident = await WebSession.SignIn(shared.WebA, "resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.GetAsync("/api/broadcasts")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_a_401_problem_and_empty_fields_are_named()
    {
        using var anonymous = WebSession.Anonymous(shared.WebA, "en");
        var wrong = await anonymous.Http.PostAsJsonAsync("/api/session", new { login = "supervisor", password = "not-it" });
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        var problem = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:invalid-credentials", problem.GetProperty("type").GetString());

        var empty = await anonymous.Http.PostAsJsonAsync("/api/session", new { login = "", password = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var errors = (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("User name is required.", errors.GetProperty("login")[0].GetString());
        Assert.Equal("Password is required.", errors.GetProperty("password")[0].GetString());
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_for_a_while_even_with_the_right_password()
    {
        using var anonymous = WebSession.Anonymous(shared.WebB);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.PostAsJsonAsync("/api/session", new { login = "agent4", password = $"guess{i}" })).StatusCode);
        var locked = await anonymous.Http.PostAsJsonAsync("/api/session", new { login = "agent4", password = TestDeployment.DemoPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("urn:homeservice:problem:rate-limited", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_login_that_names_no_account_locks_after_the_same_failures_on_either_web_host()
    {
        // Failures alternate between the two web hosts: one count in the cluster, not one per host.
        var login = $"nobody{Guid.NewGuid():N}"[..20];
        using var onA = WebSession.Anonymous(shared.WebA);
        using var onB = WebSession.Anonymous(shared.WebB);
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await (i % 2 == 0 ? onA : onB).Http.PostAsJsonAsync("/api/session", new { login, password = $"guess{i}" })).StatusCode);
        foreach (var host in new[] { onA, onB })
        {
            var locked = await host.Http.PostAsJsonAsync("/api/session", new { login, password = "guess-again" });
            Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
            Assert.Equal("urn:homeservice:problem:rate-limited", (await locked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task Api_keys_authenticate_partner_and_telephony_systems_and_a_bad_key_is_refused()
    {
        using var http = new HttpClient { BaseAddress = shared.WebA.BaseAddress };
        foreach (var (key, kind) in new[] { (TestDeployment.TelephonyKey, "telephony"), (TestDeployment.PartnerKey, "partner") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/keys/whoami");
            request.Headers.Add("X-Api-Key", key);
            var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(kind, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        }
        using var bad = new HttpRequestMessage(HttpMethod.Get, "/api/keys/whoami");
        bad.Headers.Add("X-Api-Key", "simswitch.wrong-secret");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(bad)).StatusCode);
    }

    [Fact]
    public async Task The_login_form_needs_its_antiforgery_token_and_names_empty_fields_in_chinese()
    {
        using var browser = WebSession.Anonymous(shared.WebA, "zh-CN");
        var noToken = await browser.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "admin", ["password"] = TestDeployment.DemoPassword }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);

        var token = await browser.AntiforgeryToken("/login");
        var empty = await browser.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "", ["password"] = "", ["__RequestVerificationToken"] = token,
        }));
        var html = await empty.Content.ReadAsStringAsync();
        Assert.Contains("请填写用户名。", html);
        Assert.Contains("请填写密码。", html);

        var ok = await browser.Http.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = "admin", ["password"] = TestDeployment.DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal("/admin", ok.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_is_a_post_with_a_token_and_ends_the_session()
    {
        using var admin = await WebSession.SignIn(shared.WebA, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/me")).StatusCode);

        // A link (GET) elsewhere cannot sign anyone out.
        await admin.Http.GetAsync("/logout");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/me")).StatusCode);

        var token = await admin.AntiforgeryToken("/admin");
        var signedOut = await admin.Http.PostAsync("/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Http.GetAsync("/api/me")).StatusCode);
    }
}
