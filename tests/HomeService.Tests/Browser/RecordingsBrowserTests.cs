using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Browser;

/// <summary>
/// Issue 18: "/recordings showed one entry without a player, and none of six answered calls." The simulated switch
/// never reported a recording ready, and the list held only reported recordings. Now the switch reports each recording
/// when its call ends, as a real switch does, and the list shows every answered call: a player when there is audio, a
/// word in the reader's language when there is none. The test plays the callers through the telephony API and has
/// agents answer on the console API; the supervisor and an agent read the page in Chromium. Players play through signed,
/// short-lived links, and the page fetches a fresh one when its link stops working (issue 19).
/// </summary>
public sealed class RecordingsBrowserTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private TestDeployment Deployment { get; set; } = null!;
    private RunningWeb Web => Deployment.WebHosts[0];

    public async Task InitializeAsync() =>
        // The simulated switch reports its recordings half a second after the call ends, as it does (after 2 s) in a demo.
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1,
            new() { ["HomeService:Telephony:Simulator:RecordingReadySeconds"] = "0.5" });

    public Task DisposeAsync() => Deployment.DisposeAsync().AsTask();

    [Fact]
    public Task The_supervisor_finds_every_answered_call_with_a_player_or_a_word_saying_why_not() => InBrowser(async session =>
    {
        using var cti = new SwitchClient(Web);
        using (var supervisor = await WebSession.SignIn(Web, "supervisor"))
            Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PutAsJsonAsync("/api/queues/complaint/recording", new { enabled = false })).StatusCode);

        // A caller gives up while nobody is ready: never answered, so never listed.
        var abandoned = $"rec-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await cti.Offer(abandoned, "13911119999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cti.HangUp(abandoned)).StatusCode);

        // 李敏 (agent1) answers four service calls, each caller hangs up after talking.
        var recorded = new List<string>();
        await using (var agent1 = await ReadyAgent("agent1"))
        {
            for (var i = 1; i <= 4; i++)
            {
                var call = await ConnectedCall(cti, agent1, $"1391111000{i}");
                await Task.Delay(1100); // a conversation of at least a second
                Assert.Equal(HttpStatusCode.OK, (await cti.HangUp(call)).StatusCode);
                await agent1.Session.Http.PostAsync("/api/console/end-wrap-up", null);
                recorded.Add(call);
            }
            await agent1.LeaveSeat();
        }
        // agent4 answers a complaint: the complaint queue does not record.
        string unrecorded;
        await using (var agent4 = await ReadyAgent("agent4"))
        {
            unrecorded = await ConnectedCall(cti, agent4, "13911110005", ivrChoice: "3");
            Assert.Equal(HttpStatusCode.OK, (await cti.HangUp(unrecorded)).StatusCode);
            await agent4.LeaveSeat();
        }
        // agent2 is still talking to the sixth caller.
        await using var agent2 = await ReadyAgent("agent2");
        var live = await ConnectedCall(cti, agent2, "13911110006");

        // The simulated switch reports each recording ready a moment after its call ended.
        await Eventually.True(async () => await Deployment.Scalar<long>("SELECT count(*) FROM call_recording WHERE call_id = ANY($1)", (object)recorded.ToArray()) == 4,
            TimeSpan.FromSeconds(30), "the simulated switch reported the four recordings ready");

        var page = await session.Open(Web, "supervisor");
        await SignIn(page, "supervisor");
        await Go(page, "/recordings");
        var rows = page.Locator("#recordings tbody tr[data-call-id]");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(page.Locator($"#recordings tr[data-call-id='{abandoned}']")).ToHaveCountAsync(0);
        foreach (var call in recorded)
        {
            var row = page.Locator($"#recordings tr[data-call-id='{call}']");
            await Expect(row.Locator("audio")).ToHaveAttributeAsync("src", new Regex($"^/api/recordings/{call}/play\\?sig=[A-Za-z0-9_-]+$"));
            await Expect(row.Locator(".recording-state")).ToHaveTextAsync("模拟录音：模拟交换机没有真实声音，播放的是等长的静音");
            await Expect(row).ToContainTextAsync("A001");
            await Expect(row).ToContainTextAsync("服务需求");
        }
        var off = page.Locator($"#recordings tr[data-call-id='{unrecorded}']");
        await Expect(off.Locator("audio")).ToHaveCountAsync(0);
        await Expect(off.Locator(".recording-state")).ToHaveTextAsync("未录音：队列关闭了录音");
        var talking = page.Locator($"#recordings tr[data-call-id='{live}']");
        await Expect(talking.Locator("audio")).ToHaveCountAsync(0);
        await Expect(talking.Locator(".recording-state")).ToHaveTextAsync("通话进行中，结束后生成录音");
        // Every entry has a player or a word; none is blank. Times are Beijing time, 2026-12-07 10:05.
        foreach (var row in await rows.AllAsync())
        {
            Assert.True(await row.Locator("audio").CountAsync() + await row.Locator(".recording-state").CountAsync() > 0);
            Assert.Matches(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$"), (await row.Locator("td").First.InnerTextAsync()).Trim());
        }

        // The player plays: the simulated recording loads as audio as long as the call's recording, and the playback is logged.
        var player = page.Locator($"#recordings tr[data-call-id='{recorded[0]}'] audio");
        var seconds = await player.EvaluateAsync<double>(
            "a => new Promise((ok, fail) => { a.onloadedmetadata = () => ok(a.duration); a.onerror = () => fail('no audio'); a.preload = 'metadata'; a.load(); })");
        Assert.InRange(seconds, 1, 10);
        await Eventually.True(async () => await Deployment.Scalar<long>(
                "SELECT count(*) FROM recording_access WHERE user_id = 'supervisor' AND call_id = $1 AND granted", recorded[0]) >= 1,
            TimeSpan.FromSeconds(10), "the supervisor's playback was logged");

        // Links are signed and short-lived: a player whose link no longer works (run out, or here altered) gets a fresh
        // one from the API and plays again.
        var stale = await player.GetAttributeAsync("src");
        var again = await player.EvaluateAsync<double>(
            "a => new Promise((ok, fail) => { a.onerror = null; a.onloadedmetadata = () => ok(a.duration); setTimeout(() => fail('no fresh link'), 15000); "
            + "a.src = a.getAttribute('src').slice(0, -3) + 'xyz'; a.load(); })");
        Assert.InRange(again, 1, 10);
        Assert.NotEqual(stale, await player.GetAttributeAsync("src"));

        // The same list in English.
        var english = await session.Open(Web, "supervisor-en", locale: "en");
        await SignIn(english, "supervisor");
        await Go(english, "/recordings");
        await Expect(english.Locator($"#recordings tr[data-call-id='{unrecorded}'] .recording-state"))
            .ToHaveTextAsync("Not recorded: the queue has recording switched off");
        await Expect(english.Locator($"#recordings tr[data-call-id='{live}'] .recording-state"))
            .ToHaveTextAsync("Call in progress; the recording follows when it ends");
        await Expect(english.Locator($"#recordings tr[data-call-id='{recorded[0]}'] .recording-state"))
            .ToHaveTextAsync("Simulated recording: the simulated switch has no real audio; it plays silence of the same length");

        // 李敏 sees only her own four calls, callers masked, each with a player.
        var own = await session.Open(Web, "agent1");
        await SignIn(own, "agent1");
        await Go(own, "/recordings");
        await Expect(own.Locator("#recordings tbody tr[data-call-id]")).ToHaveCountAsync(4);
        await Expect(own.Locator("#recordings tbody audio")).ToHaveCountAsync(4);
        await Expect(own.Locator("#recordings .caller").First).ToHaveTextAsync(new Regex(@"^139\*{4}\d{4}$"));
        await Expect(own.Locator("#recordings")).Not.ToContainTextAsync("13911110001");
    });

    private async Task<string> ConnectedCall(SwitchClient cti, ReadyAgentSeat agent, string caller, string ivrChoice = "2")
    {
        var callId = $"rec-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await cti.Offer(callId, caller, ivrChoice)).StatusCode);
        await agent.Live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal(HttpStatusCode.OK, (await agent.Session.Http.PostAsync($"/api/console/calls/{callId}/accept", null)).StatusCode);
        return callId;
    }

    private async Task<ReadyAgentSeat> ReadyAgent(string login)
    {
        var session = await WebSession.SignIn(Web, login);
        var live = await LiveClient.Connect(Web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        var ready = await session.Http.PostAsync("/api/console/ready", null);
        Assert.Equal("Available", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return new ReadyAgentSeat(session, live);
    }

    /// <summary>An agent at the seat, over the API, with their live connection for the ringing push.</summary>
    private sealed record ReadyAgentSeat(WebSession Session, LiveClient Live) : IAsyncDisposable
    {
        public async Task LeaveSeat()
        {
            await Session.Http.PostAsync("/api/console/end-wrap-up", null);
            Assert.Equal(HttpStatusCode.OK, (await Session.Http.PostAsync("/api/console/logout", null)).StatusCode);
        }

        public async ValueTask DisposeAsync()
        {
            await Live.DisposeAsync();
            Session.Dispose();
        }
    }
}
