using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Members;

/// <summary>One deployment for the member-account tests; each test uses numbers of its own, so rate limits never cross.</summary>
public sealed class MemberAccountDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    /// <summary>The web host trusts the loopback as its load balancer, so a test can stand for clients at other addresses.</summary>
    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 1,
        new() { ["HomeService:Web:TrustedProxies:0"] = "127.0.0.1", ["HomeService:Web:TrustedProxies:1"] = "::1" });

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// Residents sign up with their mobile number and an SMS code (read from the development SMS provider's inbox, as the
/// resident reads it on their phone), sign in with number and password, keep their own profile, reset a forgotten password, and are locked
/// out for a while after repeated wrong passwords.
/// </summary>
public sealed class MemberAccountTests(MemberAccountDeployment fixture) : IClassFixture<MemberAccountDeployment>
{
    private const string Password = "Zhang2026home";
    private TestDeployment Deployment => fixture.Deployment;
    private RunningWeb Web => fixture.Web;

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private static async Task<string> FieldError(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await Json(response)).GetProperty("errors").GetProperty(field)[0].GetString()!;
    }

    private async Task<string> RequestCode(WebSession session, string phone, string purpose)
    {
        return await DevSmsInbox.NextCode(Web, phone.Replace(" ", "").Replace("+86", ""), async () =>
        {
            var sent = await session.Http.PostAsJsonAsync("/api/member/verification-codes", new { phone, purpose });
            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        });
    }

    private async Task<WebSession> Register(string phone, string name)
    {
        var session = WebSession.Anonymous(Web);
        var code = await RequestCode(session, phone, "register");
        var registered = await session.Http.PostAsJsonAsync("/api/member/register", new { phone, code, name, password = Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return session;
    }

    /// <summary>
    /// A resident registered earlier, without a code: the number's code budget (one a minute) stays for what the test does.
    /// </summary>
    private async Task RegisteredEarlier(string phone, string name)
    {
        var result = await Deployment.Silos[0].Grains.GetGrain<HomeService.Members.IMemberPhoneIndexGrain>(phone)
            .Register(name, HomeService.Web.Auth.SignInService.HashPassword(Password), "test:setup");
        Assert.True(result.Succeeded);
    }

    private static string Another(string code) => ((int.Parse(code) + 1) % 1_000_000).ToString("D6");

    [Fact]
    public async Task A_resident_registers_with_an_sms_code_signs_in_by_phone_and_keeps_two_addresses()
    {
        using var browser = WebSession.Anonymous(Web);
        var code = await RequestCode(browser, "+86 135 1234 0001", "register");
        Assert.Matches("^[0-9]{6}$", code);
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM event_log WHERE payload::text LIKE '%' || $1 || '%'", code));

        // A second code within the minute is refused with the wait, in the resident's language.
        var again = await browser.Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "13512340001", purpose = "register" });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        var refused = await Json(again);
        var wait = refused.GetProperty("retryAfterSeconds").GetInt32();
        Assert.InRange(wait, 1, 60);
        Assert.Contains($"{wait} 秒", refused.GetProperty("title").GetString());

        var wrong = await browser.Http.PostAsJsonAsync("/api/member/register",
            new { phone = "13512340001", code = Another(code), name = "赵敏", password = Password });
        Assert.Equal("验证码不正确。", await FieldError(wrong, "code"));
        var weak = await browser.Http.PostAsJsonAsync("/api/member/register", new { phone = "13512340001", code, name = "赵敏", password = "abcdefgh" });
        Assert.Equal("密码须同时包含字母和数字。", await FieldError(weak, "password"));

        var registered = await browser.Http.PostAsJsonAsync("/api/member/register", new { phone = "13512340001", code, name = "赵敏", password = Password });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var memberId = (await Json(registered)).GetProperty("memberId").GetString()!;
        Assert.StartsWith("R1", memberId);
        // Registering signs the resident in.
        var me = await browser.Http.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(memberId, me.GetProperty("memberId").GetString());

        // The number cannot register again, not even with a fresh code.
        var replay = await WebSession.Anonymous(Web).Http.PostAsJsonAsync("/api/member/register",
            new { phone = "13512340001", code, name = "冒名者", password = "Other2026x" });
        Assert.Equal("手机号码已注册，请直接登录或找回密码。", await FieldError(replay, "phone"));
        var newCode = await WebSession.Anonymous(Web).Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "13512340001", purpose = "register" });
        Assert.Equal("手机号码已注册，请直接登录或找回密码。", await FieldError(newCode, "phone"));

        // Sign in with the number as typed in any usual way.
        foreach (var login in new[] { "13512340001", "+86 135 1234 0001" })
        {
            using var session = await WebSession.SignIn(Web, login, Password);
            Assert.Equal(memberId, (await session.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("memberId").GetString());
        }

        var edited = await browser.Http.PutAsJsonAsync("/api/member/profile", new
        {
            name = "赵敏",
            addresses = new[]
            {
                new { label = "家", district = "金水区", address = "花园路 8 号院 3 号楼 501" },
                new { label = "父母家", district = "二七区", address = "大学路 66 号 2 单元 302" },
            },
            preferences = new { sms = false, inApp = true },
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        var profile = await browser.Http.GetFromJsonAsync<JsonElement>("/api/member/profile");
        Assert.Equal(["家", "父母家"], profile.GetProperty("addresses").EnumerateArray().Select(a => a.GetProperty("label").GetString()));
        Assert.False(profile.GetProperty("preferences").GetProperty("sms").GetBoolean());
        Assert.Equal("13512340001", profile.GetProperty("phone").GetString());
        // The call center's screen pop reads the read row: both addresses with their districts.
        Assert.Equal(2, await Deployment.Scalar<int>("SELECT cardinality(addresses) FROM member WHERE id = $1", memberId));
        Assert.Equal("二七区大学路 66 号 2 单元 302", await Deployment.Scalar<string>("SELECT addresses[2] FROM member WHERE id = $1", memberId));

        var noDistrict = await browser.Http.PutAsJsonAsync("/api/member/profile", new
        {
            name = "赵敏", addresses = new[] { new { label = "家", district = "", address = "花园路 8 号" } }, preferences = new { sms = true, inApp = true },
        });
        Assert.Equal("请填写所在区。", await FieldError(noDistrict, "addresses[0].district"));
        Assert.Equal(2, (await browser.Http.GetFromJsonAsync<JsonElement>("/api/member/profile")).GetProperty("addresses").GetArrayLength());
    }

    [Fact]
    public async Task One_resident_sees_and_edits_only_their_own_profile()
    {
        using var first = await Register("13512340011", "钱芳");
        Assert.Equal(HttpStatusCode.OK, (await first.Http.PutAsJsonAsync("/api/member/profile", new
        {
            name = "钱芳", addresses = new[] { new { label = "家", district = "郑东新区", address = "商务内环路 2 号 1801" } }, preferences = new { sms = true, inApp = true },
        })).StatusCode);
        using var second = await Register("13512340012", "孙强");

        var seen = await second.Http.GetFromJsonAsync<JsonElement>("/api/member/profile?memberId=R1001");
        Assert.Equal(("孙强", "13512340012", 0), (seen.GetProperty("name").GetString(), seen.GetProperty("phone").GetString(), seen.GetProperty("addresses").GetArrayLength()));
        Assert.Equal(HttpStatusCode.OK, (await second.Http.PutAsJsonAsync("/api/member/profile", new
        {
            name = "孙强", addresses = Array.Empty<object>(), preferences = new { sms = true, inApp = true },
        })).StatusCode);
        var mine = await first.Http.GetFromJsonAsync<JsonElement>("/api/member/profile");
        Assert.Equal(("钱芳", 1), (mine.GetProperty("name").GetString(), mine.GetProperty("addresses").GetArrayLength()));

        // Someone signed in as staff has no profile to read.
        using var agent = await WebSession.SignIn(Web, "agent1");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.GetAsync("/api/member/profile")).StatusCode);
    }

    [Fact]
    public async Task A_reset_by_sms_code_replaces_the_password_and_the_old_one_stops_working()
    {
        await RegisteredEarlier("13512340021", "李娜");
        using var browser = WebSession.Anonymous(Web);
        var unknown = await browser.Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "13512340029", purpose = "reset" });
        Assert.Equal("手机号码尚未注册会员。", await FieldError(unknown, "phone"));

        var code = await RequestCode(browser, "13512340021", "reset");
        var wrong = await browser.Http.PostAsJsonAsync("/api/member/password-reset", new { phone = "13512340021", code = Another(code), newPassword = "Newpass2027" });
        Assert.Equal("验证码不正确。", await FieldError(wrong, "code"));
        var reset = await browser.Http.PostAsJsonAsync("/api/member/password-reset", new { phone = "13512340021", code, newPassword = "Newpass2027" });
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);

        var old = await WebSession.Anonymous(Web).Http.PostAsJsonAsync("/api/session", new { login = "13512340021", password = Password });
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        using var signedIn = await WebSession.SignIn(Web, "13512340021", "Newpass2027");

        // The demo resident (login "resident") signs in by their number too.
        using var demo = await WebSession.SignIn(Web, "13800138000");
        Assert.Equal("R0001", (await demo.Http.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("memberId").GetString());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_phone_login_for_a_while_however_the_number_is_typed()
    {
        await RegisteredEarlier("13512340031", "周杰");
        using var guesser = WebSession.Anonymous(Web);
        foreach (var login in new[] { "13512340031", "+8613512340031", "135 1234 0031", "013512340031", "13512340031" })
        {
            var guess = await guesser.Http.PostAsJsonAsync("/api/session", new { login, password = "Wrong2026x" });
            Assert.Equal(HttpStatusCode.Unauthorized, guess.StatusCode);
        }
        var locked = await WebSession.Anonymous(Web).Http.PostAsJsonAsync("/api/session", new { login = "13512340031", password = Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal("尝试次数过多，请稍后再试。", (await Json(locked)).GetProperty("title").GetString());
        // Another resident is not locked out with them.
        await RegisteredEarlier("13512340032", "吴刚");
        using var signedIn = await WebSession.SignIn(Web, "13512340032", Password);
    }

    [Fact]
    public async Task One_client_walking_through_many_numbers_is_stopped_after_twenty_codes_an_hour_and_others_are_not()
    {
        using var bomber = WebSession.Anonymous(Web);
        async Task<HttpResponseMessage> Ask(string from, int n)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/member/verification-codes")
            {
                Content = JsonContent.Create(new { phone = $"1371234{n:D4}", purpose = "register" }),
            };
            request.Headers.Add("X-Forwarded-For", from);
            return await bomber.Http.SendAsync(request);
        }

        for (var n = 0; n < 20; n++) Assert.Equal(HttpStatusCode.OK, (await Ask("203.0.113.7", n)).StatusCode);
        var stopped = await Ask("203.0.113.7", 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, stopped.StatusCode);
        Assert.True(int.Parse(stopped.Headers.GetValues("Retry-After").Single()) > 3000, "the wait runs to the hour's end");
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE recipient_id = '13712340020'"));
        // Another client, and this one's next number by another address, still get their codes.
        Assert.Matches("^[0-9]{6}$", await DevSmsInbox.NextCode(Web, "13712340021",
            async () => Assert.Equal(HttpStatusCode.OK, (await Ask("198.51.100.23", 21)).StatusCode)));
    }
}

/// <summary>An expired code, on a deployment whose codes live two seconds.</summary>
public sealed class MemberCodeExpiryTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;

    public async Task InitializeAsync() => _deployment = await TestDeployment.Start(silos: 1, webHosts: 1,
        new() { ["HomeService:Members:CodeLifetime"] = "00:00:02" });

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    [Fact]
    public async Task An_expired_code_is_refused_with_a_field_error_in_english_too()
    {
        using var browser = WebSession.Anonymous(_deployment.WebHosts[0], "en");
        var code = await DevSmsInbox.NextCode(_deployment.WebHosts[0], "13512340041", async () => Assert.Equal(HttpStatusCode.OK,
            (await browser.Http.PostAsJsonAsync("/api/member/verification-codes", new { phone = "13512340041", purpose = "register" })).StatusCode));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var late = await browser.Http.PostAsJsonAsync("/api/member/register", new { phone = "13512340041", code, name = "Wang Lei", password = "Wang2026home" });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        var errors = (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Verification code has expired; ask for a new one.", errors.GetProperty("code")[0].GetString());
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await WebSession.Anonymous(_deployment.WebHosts[0]).Http.PostAsJsonAsync("/api/session", new { login = "13512340041", password = "Wang2026home" })).StatusCode);
    }
}
