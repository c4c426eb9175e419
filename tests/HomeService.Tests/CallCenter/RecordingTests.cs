using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.Tests.CallCenter;

public sealed class RecordingDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// Automatic recording (自动录音): every connected call is recorded unless its queue says otherwise; the recordings are
/// listed and played by role (supervisors and admins all, an agent only their own), and every playback is logged.
/// </summary>
public sealed class RecordingTests(RecordingDeployment fixture) : IClassFixture<RecordingDeployment>
{
    private TestDeployment Deployment => fixture.Deployment;
    private RunningWeb Web => Deployment.WebHosts[0];
    private SimulatedSwitch Switch => Deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    [Fact]
    public async Task Supervisors_and_admins_hear_every_recording_an_agent_only_their_own_and_every_playback_is_logged()
    {
        using var cti = new SwitchClient(Web);
        var (agent1, live1) = await ReadyAgent("agent1");
        var callA = await ConnectedCall(cti, agent1, live1, "13911110001");
        await Hangup(agent1, cti, callA, leaveSeat: true);
        var (agent2, live2) = await ReadyAgent("agent2");
        var callB = await ConnectedCall(cti, agent2, live2, "13911110002");
        await Hangup(agent2, cti, callB, leaveSeat: true);

        foreach (var call in new[] { callA, callB })
        {
            Assert.Equal(["record-start", "record-stop"], Switch.CommandsFor(call).Select(c => c.Command).Where(c => c.StartsWith("record")));
            Assert.Equal(HttpStatusCode.OK, (await cti.Recording(call)).StatusCode);
        }
        Assert.Equal(1L, await Deployment.Scalar<long>(
            "SELECT count(*) FROM call_recording WHERE call_id = $1 AND agent_id = 'A001' AND caller = '13911110001' AND duration IS NOT NULL", callA));

        foreach (var lead in new[] { "supervisor", "admin" })
        {
            using var session = await WebSession.SignIn(Web, lead);
            var all = await session.Http.GetFromJsonAsync<JsonElement>("/api/recordings");
            Assert.Contains(all.EnumerateArray(), r => r.GetProperty("callId").GetString() == callA && r.GetProperty("caller").GetString() == "13911110001");
            Assert.Contains(all.EnumerateArray(), r => r.GetProperty("callId").GetString() == callB);
            var play = await session.Http.GetAsync(await LinkFor(session, callB));
            Assert.Equal(HttpStatusCode.Redirect, play.StatusCode);
            Assert.Equal($"https://recordings.example/{callB}.wav", play.Headers.Location!.ToString());
        }

        // The agent's list is their own whatever they ask for, with the callers masked.
        var own = await agent1.Http.GetFromJsonAsync<JsonElement>("/api/recordings?agent=A002");
        var row = Assert.Single(own.EnumerateArray());
        Assert.Equal((callA, "139****0001"), (row.GetProperty("callId").GetString(), row.GetProperty("caller").GetString()));
        Assert.Equal(HttpStatusCode.Redirect, (await agent1.Http.GetAsync(row.GetProperty("playUrl").GetString())).StatusCode);
        // No link for a colleague's call (a refused request is logged too).
        Assert.Equal(HttpStatusCode.NotFound, (await agent1.Http.GetAsync($"/api/recordings/{callB}/link")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent2.Http.GetAsync($"/api/recordings/{callA}/link")).StatusCode);

        // The 录音 page shows the same: the agent's own call, masked, with a player; not the colleague's.
        var page = await agent1.Http.GetStringAsync("/recordings");
        Assert.Contains($"data-call-id=\"{callA}\"", page);
        Assert.Contains("139****0001", page);
        Assert.DoesNotContain(callB, page);
        Assert.Contains($"src=\"/api/recordings/{callA}/play?sig=", page);
        using (var supervisorPage = await WebSession.SignIn(Web, "supervisor"))
        {
            var all = await supervisorPage.Http.GetStringAsync("/recordings");
            Assert.Contains(callA, all);
            Assert.Contains(callB, all);
        }

        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE user_id = 'agent1' AND call_id = $1 AND granted", callA));
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE user_id = 'agent1' AND call_id = $1 AND NOT granted", callB));
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE user_id = 'agent2' AND call_id = $1 AND NOT granted", callA));
        Assert.Equal(2L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE call_id = $1 AND granted AND user_id IN ('supervisor', 'admin')", callB));
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task A_recording_link_plays_for_its_user_only_until_it_expires_and_cannot_be_altered()
    {
        // Two recordings the switch reported (written as the switch's report writes them), both of agent1's calls.
        var (mine, other) = ($"link-{Guid.NewGuid():N}", $"link-{Guid.NewGuid():N}");
        await Deployment.Sql($"""
            INSERT INTO call_recording (call_id, url, agent_id, queue_id, caller, started_at, ready_at, duration) VALUES
            ('{mine}', 'https://recordings.example/{mine}.wav', 'A001', 'service', '13911110009', now(), now(), 30),
            ('{other}', 'https://recordings.example/{other}.wav', 'A001', 'service', '13911110008', now(), now(), 30)
            """);
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        using var admin = await WebSession.SignIn(Web, "admin");
        var link = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/recordings/{mine}/link");
        var url = link.GetProperty("url").GetString()!;
        Assert.InRange(link.GetProperty("expiresAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(5.5));

        // The signed-in user's link plays.
        var played = await supervisor.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, played.StatusCode);
        Assert.Equal($"https://recordings.example/{mine}.wav", played.Headers.Location!.ToString());

        // Without the signature, with it altered, moved to another call, or in another user's hands: refused.
        var sig = url[(url.IndexOf("sig=", StringComparison.Ordinal) + 4)..];
        var altered = sig[..^2] + (sig[^2] == 'A' ? 'B' : 'A') + sig[^1];
        foreach (var (who, refused) in new[]
        {
            (supervisor, $"/api/recordings/{mine}/play"),
            (supervisor, $"/api/recordings/{mine}/play?sig="),
            (supervisor, $"/api/recordings/{mine}/play?sig={altered}"),
            (supervisor, $"/api/recordings/{other}/play?sig={sig}"),
            (admin, url),
        })
            Assert.Equal((refused, HttpStatusCode.NotFound), (refused, (await who.Http.GetAsync(refused)).StatusCode));

        // A link stops working when it runs out (here one made by the web host's own signer to last two seconds).
        var links = Web.App.Services.GetRequiredService<HomeService.Web.Data.RecordingLinks>();
        var brief = links.For(mine, "supervisor", DateTimeOffset.UtcNow.AddSeconds(2)).Url;
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Http.GetAsync(brief)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.GetAsync(brief)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.GetAsync(links.For(mine, "supervisor", DateTimeOffset.UtcNow.AddMinutes(-10)).Url)).StatusCode);

        // Every playback request is in the access log: two that played, six refused.
        Assert.Equal(2L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE call_id = $1 AND granted", mine));
        Assert.Equal(6L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE call_id = $1 AND NOT granted", mine));
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE call_id = $1 AND NOT granted AND user_id = 'admin'", mine));
    }

    [Fact]
    public async Task A_recording_file_the_switch_uploads_is_kept_and_played_by_the_platform_and_a_bad_upload_keeps_nothing()
    {
        using var cti = new SwitchClient(Web);
        var callId = $"stored-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await cti.Offer(callId, "13911110005")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cti.HangUp(callId)).StatusCode); // the edge uploads when the call is over
        var wav = Wav.Sine(440, seconds: 2, sampleRate: 8000);

        // Refused, each with the field it is about, and nothing kept: another type, a body that is no WAV, no key, no such call.
        var wrongType = await cti.StoreRecording(callId, wav, "audio/mpeg");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.True((await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Content-Type", out _));
        var notWav = await cti.StoreRecording(callId, "not a recording at all, just some text long enough"u8.ToArray(), "audio/wav");
        Assert.Equal(HttpStatusCode.BadRequest, notWav.StatusCode);
        Assert.True((await notWav.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await cti.StoreRecording(callId, wav, "audio/wav", idempotencyKey: null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cti.StoreRecording($"never-{Guid.NewGuid():N}", wav, "audio/wav")).StatusCode);
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM call_recording_audio WHERE call_id = $1", callId));
        Assert.Equal(0L, await Deployment.Scalar<long>("SELECT count(*) FROM call_recording WHERE call_id = $1", callId));

        // Kept: the list shows it ready with its size, and the supervisor's link plays these very bytes.
        Assert.Equal(HttpStatusCode.OK, (await cti.StoreRecording(callId, wav, "audio/wav")).StatusCode);
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        var row = (await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/recordings")).EnumerateArray().Single(r => r.GetProperty("callId").GetString() == callId);
        Assert.Equal(("ready", wav.Length), (row.GetProperty("state").GetString(), row.GetProperty("sizeBytes").GetInt32()));
        var played = await supervisor.Http.GetAsync(row.GetProperty("playUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        Assert.Equal("audio/wav", played.Content.Headers.ContentType?.MediaType);
        Assert.Equal(wav, await played.Content.ReadAsByteArrayAsync());
        Assert.Equal(1L, await Deployment.Scalar<long>("SELECT count(*) FROM recording_access WHERE call_id = $1 AND granted", callId));
    }

    private static async Task<string> LinkFor(WebSession session, string callId) =>
        (await session.Http.GetFromJsonAsync<JsonElement>($"/api/recordings/{callId}/link")).GetProperty("url").GetString()!;

    [Fact]
    public async Task A_queue_with_recording_off_connects_its_calls_without_recording()
    {
        using var supervisor = await WebSession.SignIn(Web, "supervisor");
        var off = await supervisor.Http.PutAsJsonAsync("/api/queues/complaint/recording", new { enabled = false });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        using var agent = await WebSession.SignIn(Web, "agent3");
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.Http.PutAsJsonAsync("/api/queues/complaint/recording", new { enabled = true })).StatusCode);

        using var cti = new SwitchClient(Web);
        var (agent4, live4) = await ReadyAgent("agent4");
        var call = await ConnectedCall(cti, agent4, live4, "13911110004", ivrChoice: "3");
        await Hangup(agent4, cti, call, leaveSeat: true);
        Assert.DoesNotContain(Switch.CommandsFor(call), c => c.Command.StartsWith("record"));
        var view = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{call}");
        Assert.Equal("complaint", view.GetProperty("queueId").GetString());
        Assert.DoesNotContain(view.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("what").GetString() == "recording-started");
        await using (live4) { }
    }

    private async Task<string> ConnectedCall(SwitchClient cti, WebSession agent, LiveClient live, string caller, string ivrChoice = "2")
    {
        var callId = $"rec-{Guid.NewGuid():N}";
        Assert.Equal(HttpStatusCode.OK, (await cti.Offer(callId, caller, ivrChoice)).StatusCode);
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var accepted = await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return callId;
    }

    /// <summary>The caller hangs up; the agent ends wrap-up and leaves the seat so the next call goes to someone else.</summary>
    private static async Task Hangup(WebSession agent, SwitchClient cti, string callId, bool leaveSeat)
    {
        Assert.Equal(HttpStatusCode.OK, (await cti.HangUp(callId)).StatusCode);
        if (!leaveSeat) return;
        await agent.Http.PostAsync("/api/console/end-wrap-up", null);
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.PostAsync("/api/console/logout", null)).StatusCode);
    }

    private async Task<(WebSession Session, LiveClient Live)> ReadyAgent(string login)
    {
        var session = await WebSession.SignIn(Web, login);
        var live = await LiveClient.Connect(Web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        var ready = await session.Http.PostAsync("/api/console/ready", null);
        Assert.Equal("Available", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return (session, live);
    }
}
