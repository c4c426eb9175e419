using System.Net;
using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// The agent console as an agent's desk at 1366×768, the smallest screen a center's desktops have: nothing scrolls
/// sideways or spills out of its box, the call bar stays in sight when the agent scrolls down, and the bar's keys
/// (A accept, H hold, X hang up) work without the mouse but never while the agent types; the bar counts the broadcasts
/// that arrived since the agent last looked, and takes the agent to them.
/// </summary>
public sealed class ConsoleDeskTests(BrowserFixture browser, ITestOutputHelper output) : OwnDeploymentBrowserTest(browser, output)
{
    // Every visible element of the desk that leaves the desk or its parent's box, or whose own content spills out; parts
    // inside a scrolling box (a wide table) may be wider than the box, since the agent scrolls them there.
    private const string Overflowing = """
        () => {
          const problems = [];
          const name = (el) => el.id ? `#${el.id}` : `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
          const page = document.documentElement;
          if (page.scrollWidth > window.innerWidth) problems.push(`page ${page.scrollWidth} > ${window.innerWidth}`);
          const desk = document.querySelector(".desk").getBoundingClientRect();
          const scrolls = (el) => ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX);
          for (const el of document.querySelectorAll(".desk *")) {
            if (el.getClientRects().length === 0 || ["OPTION", "SCRIPT", "DATALIST"].includes(el.tagName)) continue;
            let inScroller = false;
            for (let p = el.parentElement; p && !p.classList.contains("desk"); p = p.parentElement) if (scrolls(p)) { inScroller = true; break; }
            if (inScroller) continue;
            const r = el.getBoundingClientRect();
            const parent = el.parentElement.getBoundingClientRect();
            if (r.left < desk.left - 1 || r.right > desk.right + 1) problems.push(`${name(el)} leaves the desk (${r.left}–${r.right})`);
            else if (r.right > parent.right + 1) problems.push(`${name(el)} leaves ${name(el.parentElement)} (${r.right} > ${parent.right})`);
            if (!["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName) && !scrolls(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
              problems.push(`${name(el)} spills (${el.scrollWidth} > ${el.clientWidth})`);
          }
          return problems;
        }
        """;

    [Fact]
    public Task The_console_fits_1366x768_with_the_call_bar_in_sight_and_its_keys_working() => InBrowser(async session =>
    {
        await Deployment.Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");
        var agent = await session.Open(Web, "agent1", viewport: new ViewportSize { Width = 1366, Height = 768 });
        await ReadyAtConsole(agent);
        await NothingOverflows(agent, "idle");

        // A member calls: the bar shows the call and its keys; A (outside any text field) answers.
        using var telephony = new HttpClient { BaseAddress = Web.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        var callId = $"desk-{Guid.NewGuid():N}";
        await Send(telephony, "/api/cti/calls", new { callId, caller = "13700137000", dialled = "037112345", trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await Expect(agent.Locator("#call-accept")).ToHaveAttributeAsync("title", "接听 (A)");
        await Expect(agent.Locator("#call-member")).ToContainTextAsync("李先生");
        await agent.EvaluateAsync("() => document.activeElement?.blur()"); // the focus is on the page, not in a field
        await agent.Keyboard.PressAsync("a");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await Expect(agent.Locator("#call-timer")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d\d:\d\d$"));
        await NothingOverflows(agent, "on a call");

        // Typing an "h" and an "x" into the order's notes neither holds nor hangs up.
        await agent.Locator("#order-notes").FillAsync("");
        await agent.Locator("#order-notes").PressSequentiallyAsync("hx");
        await Expect(agent.Locator("#order-notes")).ToHaveValueAsync("hx");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");

        // Scrolled to the bottom of the desk, the call's buttons are still on screen; H holds and takes back.
        await agent.Locator("#today-calls").ScrollIntoViewIfNeededAsync();
        await agent.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)");
        Assert.True(await agent.EvaluateAsync<bool>("() => window.scrollY > 0"), "the desk is taller than the screen, so this scrolled");
        var hangup = (await agent.Locator("#call-hangup").BoundingBoxAsync())!;
        Assert.InRange(hangup.Y, 0, 768 - hangup.Height);
        await agent.EvaluateAsync("() => document.activeElement?.blur()");
        await agent.Keyboard.PressAsync("h");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "OnHold");
        await agent.Keyboard.PressAsync("h");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await agent.Keyboard.PressAsync("x");
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "AfterCallWork");
        await Expect(agent.Locator("#call-panel")).ToBeHiddenAsync();
        Assert.Empty(session.ScriptErrors(agent));
    });

    [Fact]
    public Task A_console_that_missed_the_end_of_its_call_shows_the_truth_on_the_first_refused_click() => InBrowser(async session =>
    {
        await Deployment.Sql("UPDATE call_queue SET ring_timeout_seconds = 300, wrap_up_seconds = 600");
        var agent = await session.Open(Web, "agent1", viewport: new ViewportSize { Width = 1366, Height = 768 });
        // The live connection passes everything on until told to lose the call's and the seat's pushes, as pushes lost with a silo would be.
        var loseCallPushes = false;
        await agent.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/live"), page =>
        {
            var server = page.ConnectToServer();
            server.OnMessage(frame =>
            {
                if (frame.Text is { } text)
                {
                    if (!(loseCallPushes && (text.Contains("\"call.", StringComparison.Ordinal) || text.Contains("\"agent.", StringComparison.Ordinal)))) page.Send(text);
                }
                else page.Send(frame.Binary!);
            });
        });
        await ReadyAtConsole(agent);

        using var telephony = new HttpClient { BaseAddress = Web.BaseAddress };
        telephony.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        var callId = $"stale-{Guid.NewGuid():N}";
        await Send(telephony, "/api/cti/calls", new { callId, caller = "13700137001", dialled = "037112345", trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Ringing");
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");

        // The caller hangs up, and the console never hears of it: it still shows the call connected and the seat on it.
        loseCallPushes = true;
        await Send(telephony, $"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hangup-{callId}");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");

        // Hang-up is refused (the call has ended), and the console reads the truth at once: no call, the seat in wrap-up.
        await agent.Locator("#call-hangup").ClickAsync();
        await Expect(agent.Locator("#call-panel")).ToBeHiddenAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "AfterCallWork");
        Assert.Empty(session.ScriptErrors(agent));
    });

    [Fact]
    public Task The_call_bar_counts_new_broadcasts_until_the_agent_goes_to_read_them() => InBrowser(async session =>
    {
        var agent = await session.Open(Web, "agent1", viewport: new ViewportSize { Width = 1366, Height = 768 });
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");
        await Expect(agent.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await LiveConnectionIsUp(agent);
        var indicator = agent.Locator("#call-bar #broadcasts-new");
        var count = indicator.Locator(".count");
        var panel = agent.Locator("#broadcasts-panel");
        await Expect(indicator).ToBeVisibleAsync();
        await Expect(indicator).ToHaveAttributeAsync("aria-label", "通知");
        await Expect(count).ToBeHiddenAsync();
        await Expect(panel).Not.ToBeInViewportAsync(); // the broadcasts are at the bottom of the desk, out of sight

        // The supervisor posts two broadcasts: the bar says so, by push, without the agent scrolling.
        var supervisor = await session.Open(Web, "supervisor");
        await SignIn(supervisor, "supervisor");
        await IsOn(supervisor, "/supervisor");
        await Post(supervisor, "十点开班前会，请提前到岗");
        await Post(supervisor, "系统今晚十点升级");
        await Expect(count).ToHaveTextAsync("2");
        await Expect(indicator).ToHaveAttributeAsync("aria-label", "新通知 2");
        await NothingOverflows(agent, "with new broadcasts");

        // A click takes the agent to them and clears the count.
        await indicator.ClickAsync();
        await Expect(panel).ToBeInViewportAsync();
        await Expect(panel.Locator("li", new() { HasText = "十点开班前会" })).ToBeInViewportAsync();
        await Expect(count).ToBeHiddenAsync();
        await Expect(indicator).ToHaveAttributeAsync("aria-label", "通知");

        // The next one counts afresh, and the call bar, still at the top, shows it while the agent is down here.
        await Post(supervisor, "下午三点全员例会");
        await Expect(count).ToHaveTextAsync("1");
        await Expect(indicator).ToHaveAttributeAsync("aria-label", "新通知 1");
        await Expect(indicator).ToBeInViewportAsync();
        Assert.Empty(session.ScriptErrors(agent));
    });

    private static async Task Post(IPage supervisor, string text)
    {
        var posted = await supervisor.APIRequest.PostAsync("/api/broadcasts",
            new() { Headers = await RequestTokenHeader(supervisor), DataObject = new { text, minutes = 30 } });
        Assert.True(posted.Status == 201, $"post broadcast: {posted.Status} {await posted.TextAsync()}");
    }

    private static async Task NothingOverflows(IPage page, string when)
    {
        var problems = await page.EvaluateAsync<string[]>(Overflowing);
        Assert.True(problems.Length == 0, $"{when}: {string.Join("; ", problems.Take(15))}");
    }

    /// <summary>agent1 signs in, lands on the console with its live connection up, logs the seat in and is ready for calls.</summary>
    private static async Task ReadyAtConsole(IPage agent)
    {
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");
        await Expect(agent.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await LiveConnectionIsUp(agent);
        await agent.Locator("#seat-login").ClickAsync();
        await agent.Locator("#seat-ready").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "Available");
    }

    private static async Task Send(HttpClient telephony, string path, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await telephony.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
