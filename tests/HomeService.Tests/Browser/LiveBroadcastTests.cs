using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

[Collection(SharedDeploymentCollection.Name)]
public sealed class LiveBroadcastTests(SharedDeployment shared, BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [Fact]
    public Task A_broadcast_posted_on_the_wallboard_appears_on_an_open_agent_console_without_a_reload() => InBrowser(async session =>
    {
        // The agent has the console open on host B, with its live connection up.
        var agent = await session.Open(shared.WebB, "agent");
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");
        await LiveConnectionIsUp(agent);
        await agent.EvaluateAsync("() => window.__sameDocument = true");

        // The supervisor posts through the wallboard form on host A.
        var supervisor = await session.Open(shared.WebA, "supervisor");
        await SignIn(supervisor, "supervisor");
        await IsOn(supervisor, "/supervisor"); // the supervisor seat; the broadcast form stays on the wallboard
        await Go(supervisor, "/wallboard");
        var text = $"下午三点全员例会，请提前到岗（{Guid.NewGuid().ToString("N")[..6]}）";
        await supervisor.Locator("#text").FillAsync(text);
        await supervisor.Locator("#minutes").FillAsync("10");
        await supervisor.Locator("#post-broadcast").ClickAsync();
        await Expect(supervisor.Locator("#broadcasts li[data-id]", new() { HasText = text })).ToHaveCountAsync(1);
        await Expect(supervisor.Locator("#text-error")).ToHaveCountAsync(0);

        // The agent's list gains it by push: same document, one item, with the author's name.
        var item = agent.Locator("#broadcasts li[data-id]", new() { HasText = text });
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item).ToContainTextAsync("周敏");
        Assert.True(await agent.EvaluateAsync<bool>("() => window.__sameDocument === true"), "the console reloaded instead of taking the push");
        Assert.Empty(session.ScriptErrors(agent));
        Assert.Empty(session.ScriptErrors(supervisor));
    });
}
