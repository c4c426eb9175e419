using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// The supervisor seat (班长席) and multi-party calls (多方通话) through the APIs, the agents' live pushes, the audit
/// table and the simulated switch. One silo, so the one simulated switch sees every command.
/// </summary>
public sealed class SupervisorSeatTests : IAsyncLifetime
{
    private const string Hotline = "037112345";
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;
    private HttpClient _switch = null!;

    private SimulatedSwitch Switch => _deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        _web = _deployment.WebHosts[0];
        _switch = new HttpClient { BaseAddress = _web.BaseAddress };
        _switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
    }

    public async Task DisposeAsync()
    {
        _switch.Dispose();
        await _deployment.DisposeAsync();
    }

    [Fact]
    public async Task A_supervisor_monitors_whispers_barges_leaves_and_force_releases_and_every_step_is_audited()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var callId = await AnsweredCall(agent1, live1);
        using var supervisor = await WebSession.SignIn(_web, "supervisor");

        var listen = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/monitor", new { mode = "listen", reason = "质检抽查" });
        Assert.Equal(HttpStatusCode.OK, listen.StatusCode);
        var seat = Commands(callId, "supervise").Single().Split(' ')[0];
        Assert.Equal("listen", Switch.LegsOf(callId)!.Supervisors[seat]);
        // A silent monitor is not shown to the agent.
        Assert.Equal(JsonValueKind.Null, (await Legs(agent1, callId)).GetProperty("supervisorMode").ValueKind);

        await Monitor(supervisor, callId, "whisper", "指导新员工");
        await live1.Next("call.legs", p => p.GetProperty("supervisorMode").GetString() == "whisper");
        Assert.Equal("whisper", Switch.LegsOf(callId)!.Supervisors[seat]);

        await Monitor(supervisor, callId, "barge", "客户要求班长介入");
        await live1.Next("call.legs", p => p.GetProperty("supervisorMode").GetString() == "barge");

        var leave = await supervisor.Http.PostAsync($"/api/supervisor/calls/{callId}/leave", null);
        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        Assert.Empty(Switch.LegsOf(callId)!.Supervisors);
        await live1.Next("call.legs", p => p.GetProperty("supervisorMode").ValueKind == JsonValueKind.Null);

        var release = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/release", new { reason = "通话异常占线" });
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        var ended = await live1.Next("call.updated", p => p.GetProperty("callId").GetString() == callId && p.GetProperty("status").GetString() == "Ended");
        Assert.Equal("force-released", ended.GetProperty("endCause").GetString());
        await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        Assert.False(Switch.LegsOf(callId)!.CallerConnected);

        var audit = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/supervisor/audit?callId={callId}");
        var rows = audit.EnumerateArray().Reverse().ToList();
        Assert.Equal(["listen", "whisper", "barge", "leave", "force-release"], rows.Select(r => r.GetProperty("action").GetString()));
        Assert.All(rows, r => Assert.Equal(("supervisor", "A001"), (r.GetProperty("supervisor").GetString(), r.GetProperty("targetAgent").GetString())));
        Assert.Equal(["质检抽查", "指导新员工", "客户要求班长介入", null, "通话异常占线"], rows.Select(r => r.GetProperty("reason").GetString()));
        // The rows were written with the events: the call's log has each step.
        Assert.Equal(1L, await _deployment.Scalar<long>(
            "SELECT count(*) FROM event_log WHERE aggregate_id = $1 AND event_type = 'CallForceReleased' AND actor = 'supervisor:supervisor'", callId));
        await using (live1) { }
    }

    [Fact]
    public async Task Only_a_supervisor_may_act_a_reason_is_required_and_only_a_call_in_progress_can_be_supervised()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var callId = await AnsweredCall(agent1, live1);
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        using var admin = await WebSession.SignIn(_web, "admin");

        var body = new { mode = "listen", reason = "质检" };
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/monitor", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/release", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.Http.PostAsJsonAsync("/api/supervisor/agents/A002/state", new { state = "logged-out", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await agent1.Http.GetAsync("/api/supervisor/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/monitor", body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/api/supervisor/audit")).StatusCode);

        var noReason = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/monitor", new { mode = "barge", reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var problem = await noReason.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        var tooLong = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/release", new { reason = new string('因', 201) });
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _));
        var badMode = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/monitor", new { mode = "record", reason = "质检" });
        Assert.True((await badMode.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("mode", out _));
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.PostAsJsonAsync("/api/supervisor/calls/no-such-call/monitor", body)).StatusCode);

        // Nothing was done, nothing is audited, the switch heard nothing.
        Assert.Empty(Commands(callId, "supervise"));
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM supervisor_audit WHERE call_id = $1", callId));

        // A waiting call cannot be monitored.
        var queued = $"sim-{Guid.NewGuid():N}";
        await Cti("/api/cti/calls", new { callId = queued, caller = "13900001111", dialled = Hotline, trunk = "T1", ivrChoice = "3" }, $"offer-{queued}");
        var early = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{queued}/monitor", body);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        await using (live1) { }
    }

    [Fact]
    public async Task A_supervisor_forces_an_idle_agent_not_ready_and_out_but_not_out_of_a_call()
    {
        var (agent2, live2) = await ReadyAgent("agent2");
        using var supervisor = await WebSession.SignIn(_web, "supervisor");

        var busy = await supervisor.Http.PostAsJsonAsync("/api/supervisor/agents/A002/state", new { state = "not-ready", reason = "离席未置忙" });
        Assert.Equal(HttpStatusCode.OK, busy.StatusCode);
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "NotReady" && p.GetProperty("notReadyReason").GetString() == "supervisor");
        var loggedOut = await supervisor.Http.PostAsJsonAsync("/api/supervisor/agents/A002/state", new { state = "logged-out", reason = "下班未签出" });
        Assert.Equal(HttpStatusCode.OK, loggedOut.StatusCode);
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "Offline");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.Http.PostAsJsonAsync("/api/supervisor/agents/A999/state", new { state = "ready", reason = "x" })).StatusCode);

        // Mid-call the agent cannot be logged out (force-release the call first).
        var (agent1, live1) = await ReadyAgent("agent1");
        await AnsweredCall(agent1, live1);
        var midCall = await supervisor.Http.PostAsJsonAsync("/api/supervisor/agents/A001/state", new { state = "logged-out", reason = "测试" });
        Assert.Equal(HttpStatusCode.Conflict, midCall.StatusCode);

        var audit = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/supervisor/audit?agentId=A002");
        Assert.Equal(["force-state:logged-out", "force-state:not-ready"], audit.EnumerateArray().Select(r => r.GetProperty("action").GetString()));
        Assert.Equal("下班未签出", audit[0].GetProperty("reason").GetString());
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM supervisor_audit WHERE target_agent = 'A001'"));
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task In_a_conference_a_party_or_the_agent_may_leave_and_the_others_stay_connected()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var (agent2, live2) = await ReadyAgent("agent2");
        var callId = await AnsweredCall(agent1, live1);

        // Another agent cannot add parties to agent1's call, nor read who is on it.
        Assert.Equal(HttpStatusCode.Conflict, (await agent2.Http.PostAsJsonAsync($"/api/console/calls/{callId}/parties", new { kind = "merchant", id = "M001" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await agent2.Http.GetAsync($"/api/console/calls/{callId}/parties")).StatusCode);

        var merchant = await AddParty(agent1, callId, "merchant", "M001");
        Assert.Equal("external:037160001001", merchant.GetProperty("leg").GetString());
        var colleague = await AddParty(agent1, callId, "agent", "A002");
        Assert.Equal("agent:8002", colleague.GetProperty("leg").GetString());
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "OnCall" && p.GetProperty("callId").GetString() == callId);
        Assert.Equal(["agent:8002", "external:037160001001"], Switch.LegsOf(callId)!.Parties.Order());
        // A transfer or a consultation would take the call from under the parties: leaving is the way out.
        Assert.Equal(HttpStatusCode.Conflict, (await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/transfer", new { kind = "queue", id = "complaint" })).StatusCode);
        var unknown = await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/parties", new { kind = "worker", id = "W999" });
        Assert.Equal(HttpStatusCode.Conflict, unknown.StatusCode);

        // The colleague's phone hangs up: only they leave.
        Assert.Equal(HttpStatusCode.OK, (await Cti($"/api/cti/calls/{callId}/hangup", new { leg = "8002", cause = "normal" }, $"hangup-8002-{callId}")).StatusCode);
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "Available");
        var legs = await Legs(agent1, callId);
        Assert.Equal("Connected", legs.GetProperty("status").GetString());
        Assert.Equal(["merchant"], legs.GetProperty("parties").EnumerateArray().Where(p => p.GetProperty("connected").GetBoolean()).Select(p => p.GetProperty("kind").GetString()));

        // The agent leaves: the caller and the merchant stay connected; the agent goes to wrap-up.
        var left = await agent1.Http.PostAsync($"/api/console/calls/{callId}/parties/leave", null);
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        var atSwitch = Switch.LegsOf(callId)!;
        Assert.True(atSwitch.CallerConnected);
        Assert.Empty(atSwitch.Agents);
        Assert.Contains("external:037160001001", atSwitch.Parties); // (the colleague's leg went at the switch itself: it sent the event)
        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        Assert.Equal("Connected", (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}")).GetProperty("status").GetString());

        // The last party hangs up: nobody is left for the caller, the call is over.
        await Cti($"/api/cti/calls/{callId}/hangup", new { leg = "external:037160001001", cause = "normal" }, $"hangup-m-{callId}");
        var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
        Assert.Equal(("Ended", "conference-ended"), (call.GetProperty("status").GetString(), call.GetProperty("endCause").GetString()));
        Assert.False(Switch.LegsOf(callId)!.CallerConnected);
        await using (live1) await using (live2) { }
    }

    [Fact]
    public async Task A_consultation_merges_into_a_three_way_call_and_the_colleague_keeps_the_caller_when_the_agent_leaves()
    {
        var (agent1, live1) = await ReadyAgent("agent1");
        var (agent2, live2) = await ReadyAgent("agent2");
        var callId = await AnsweredCall(agent1, live1);

        Assert.Equal(HttpStatusCode.Conflict, (await agent1.Http.PostAsync($"/api/console/calls/{callId}/parties/merge", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent1.Http.PostAsJsonAsync($"/api/console/calls/{callId}/consult", new { id = "A002" })).StatusCode);
        await live2.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        Assert.Equal(HttpStatusCode.OK, (await agent2.Http.PostAsync($"/api/console/calls/{callId}/accept", null)).StatusCode);

        var merged = await agent1.Http.PostAsync($"/api/console/calls/{callId}/parties/merge", null);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var legs = await merged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Connected", legs.GetProperty("status").GetString()); // the caller is off hold: three people talk
        Assert.Equal("A002", Assert.Single(legs.GetProperty("parties").EnumerateArray()).GetProperty("targetId").GetString());
        var commands = Switch.CommandsFor(callId).Select(c => $"{c.Command} {c.Argument}".Trim()).ToList();
        Assert.Equal(["add-party agent:8002", "unhold"], commands.TakeLast(2));
        // The colleague sees the conference too.
        Assert.Equal(HttpStatusCode.OK, (await agent2.Http.GetAsync($"/api/console/calls/{callId}/parties")).StatusCode);

        // agent1 leaves: agent2 takes the call over, with the caller still on the line.
        Assert.Equal(HttpStatusCode.OK, (await agent1.Http.PostAsync($"/api/console/calls/{callId}/parties/leave", null)).StatusCode);
        await live2.Next("call.updated", p => p.GetProperty("callId").GetString() == callId && p.GetProperty("agentId").GetString() == "A002");
        await live1.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        Assert.True(Switch.LegsOf(callId)!.CallerConnected);
        Assert.Equal(["8002"], Switch.LegsOf(callId)!.Agents);

        Assert.Equal(HttpStatusCode.OK, (await agent2.Http.PostAsync($"/api/console/calls/{callId}/hangup", null)).StatusCode);
        await live2.Next("agent.status", p => p.GetProperty("status").GetString() == "AfterCallWork");
        await using (live1) await using (live2) { }
    }

    private async Task<string> AnsweredCall(WebSession agent, LiveClient live)
    {
        var callId = $"sim-{Guid.NewGuid():N}";
        var offered = await Cti("/api/cti/calls", new { callId, caller = "13812345678", dialled = Hotline, trunk = "T1", ivrChoice = "2" }, $"offer-{callId}");
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        await live.Next("call.ringing", p => p.GetProperty("call").GetProperty("callId").GetString() == callId);
        var accepted = await agent.Http.PostAsync($"/api/console/calls/{callId}/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        return callId;
    }

    private static async Task Monitor(WebSession supervisor, string callId, string mode, string reason)
    {
        var response = await supervisor.Http.PostAsJsonAsync($"/api/supervisor/calls/{callId}/monitor", new { mode, reason });
        Assert.True(response.IsSuccessStatusCode, $"{mode}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(mode, view.GetProperty("supervisors").EnumerateArray().Single(s => s.GetProperty("supervisorId").GetString() == "supervisor")
            .GetProperty("mode").GetString());
    }

    private static async Task<JsonElement> AddParty(WebSession agent, string callId, string kind, string id)
    {
        var response = await agent.Http.PostAsJsonAsync($"/api/console/calls/{callId}/parties", new { kind, id });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"add {kind} {id}: {(int)response.StatusCode} {body}");
        return body.GetProperty("parties").EnumerateArray().Last();
    }

    private static async Task<JsonElement> Legs(WebSession agent, string callId) =>
        await agent.Http.GetFromJsonAsync<JsonElement>($"/api/console/calls/{callId}/parties");

    private List<string> Commands(string callId, string command) =>
        Switch.CommandsFor(callId).Where(c => c.Command == command).Select(c => c.Argument ?? "").ToList();

    private async Task<(WebSession Session, LiveClient Live)> ReadyAgent(string login)
    {
        var session = await WebSession.SignIn(_web, login);
        var live = await LiveClient.Connect(_web, session);
        Assert.Equal(HttpStatusCode.OK, (await session.Http.PostAsync("/api/console/login", null)).StatusCode);
        var ready = await session.Http.PostAsync("/api/console/ready", null);
        Assert.Equal("Available", (await ready.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return (session, live);
    }

    private async Task<HttpResponseMessage> Cti(string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _switch.SendAsync(request);
    }
}
