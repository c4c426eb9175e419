using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Browser;
using HomeService.Tests.Infrastructure;
using HomeService.Web.Voice;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Voice;

/// <summary>
/// The agent's browser phone against the real SIP edge (Kamailio and rtpengine from deploy/voice.sh, on loopback):
/// the platform issues the signed-in agent a short-lived credential for their own seat's extension, the edge accepts
/// it and refuses an expired, altered or borrowed one, and /console registers the seat with JsSIP and says plainly
/// when the microphone is refused.
/// </summary>
public sealed class SeatPhoneTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private VoiceStack _voice = null!;
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _voice = await VoiceStack.Start();
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, _voice.PlatformSettings);
        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync()
    {
        await _deployment.DisposeAsync();
        await _voice.DisposeAsync();
    }

    [Fact]
    public async Task An_agent_gets_a_short_lived_credential_for_their_own_extension_that_the_sip_edge_takes_and_no_other_seat_can_use()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        var response = await agent.Http.PostAsync("/api/console/phone", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, "a credential must not be cached");
        var phone = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("sip:8001@127.0.0.1", phone.GetProperty("uri").GetString());
        Assert.Equal(_voice.WebSocketUrl.ToString(), phone.GetProperty("webSocketUrl").GetString());
        var username = phone.GetProperty("username").GetString()!;
        var password = phone.GetProperty("password").GetString()!;
        var expires = phone.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
        Assert.Equal($"{expires.ToUnixTimeSeconds()}:8001", username);

        Assert.Equal(200, await SipRegistration.Register(_voice.SipPort, "8001", username, password));
        Assert.True(await _voice.IsRegistered("8001"));
        // Agent1's credential does not register agent2's extension, an altered one is no credential, an old one has lapsed.
        Assert.Equal(403, await SipRegistration.Register(_voice.SipPort, "8002", username, password));
        Assert.Equal(401, await SipRegistration.Register(_voice.SipPort, "8001", username, password[..^4] + "AAA="));
        var lapsed = SeatCredentials.Issue(_voice.Secret, "8001", DateTimeOffset.UtcNow.AddHours(-2), TimeSpan.FromHours(1));
        Assert.Equal(401, await SipRegistration.Register(_voice.SipPort, "8001", lapsed.Username, lapsed.Password));
        Assert.False(await _voice.IsRegistered("8002"));

        // Only a seat gets one: an admin passes the agent policy but has no seat, a merchant is not staff at all.
        using var admin = await WebSession.SignIn(_web, "admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.PostAsync("/api/console/phone", null)).StatusCode);
        using var merchant = await WebSession.SignIn(_web, "merchant1");
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant.Http.PostAsync("/api/console/phone", null)).StatusCode);
    }

    [Fact]
    public Task The_console_registers_the_agents_phone_and_says_so_when_the_microphone_is_refused() => InBrowser(async session =>
    {
        // agent1 allowed the microphone (Chromium's fake device); agent2's browser refuses it.
        var agent1 = await session.Open(_web, "agent1");
        await agent1.Context.GrantPermissionsAsync(["microphone"], new() { Origin = _web.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await SignIn(agent1, "agent1");
        await IsOn(agent1, "/console");
        await Expect(agent1.Locator("#phone-state")).ToHaveAttributeAsync("data-state", "registered");
        await Expect(agent1.Locator("#phone-state")).ToHaveTextAsync("可以接听");
        await Expect(agent1.Locator("#phone-mic")).ToHaveAttributeAsync("data-state", "micReady");
        Assert.True(await _voice.IsRegistered("8001"));

        var agent2 = await session.Open(_web, "agent2");
        await SignIn(agent2, "agent2");
        await IsOn(agent2, "/console");
        await Expect(agent2.Locator("#phone-mic")).ToHaveAttributeAsync("data-state", "micDenied");
        await Expect(agent2.Locator("#phone-mic")).ToHaveTextAsync("麦克风被拒绝：请在浏览器中允许本网站使用麦克风，然后刷新页面。");
        // Registration does not wait on the microphone: the seat still rings, and the message says what to do.
        await Expect(agent2.Locator("#phone-state")).ToHaveAttributeAsync("data-state", "registered");
        Assert.True(await _voice.IsRegistered("8002"));
        Assert.Empty(session.ScriptErrors(agent1));
        Assert.Empty(session.ScriptErrors(agent2));
    });
}
