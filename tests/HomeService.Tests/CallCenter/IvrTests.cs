using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>One deployment for the IVR tests: no agent is ready unless a test makes one, so queued callers stay queued.</summary>
public sealed class IvrDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];
    public HttpClient Switch { get; } = new();

    public async Task InitializeAsync()
    {
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        Switch.BaseAddress = Web.BaseAddress;
        Switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
    }

    public async Task DisposeAsync()
    {
        Switch.Dispose();
        await Deployment.DisposeAsync();
    }
}

/// <summary>
/// The platform IVR of the main hotline (the default flow of the center's documents) through /api/cti with the simulated
/// switch: every branch, timeouts and invalid keys, self-service, voicemail, information, callbacks; flows edited through
/// /api/ivr/flows, versioned, and refused when broken.
/// </summary>
public sealed class IvrTests(IvrDeployment fixture) : IClassFixture<IvrDeployment>
{
    private const string Hotline = "037112345";
    private const string MainPromptStart = "您好，欢迎致电家政服务网络中心";

    private SimulatedSwitch Switch => fixture.Deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();

    [Fact]
    public async Task An_offer_without_a_choice_hears_the_main_menu_and_stays_in_the_ivr()
    {
        var callId = await Offer();
        var view = await View(callId);
        Assert.Equal("Ivr", view.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("queueId").ValueKind);
        var ask = Assert.Single(Collects(callId));
        Assert.StartsWith(MainPromptStart, ask);

        // The switch repeats the offer (it missed our answer): the caller is asked again, still in the IVR, nothing queued.
        var repeated = await Body(await Cti("/api/cti/calls", new { callId, caller = "13912340000", dialled = Hotline, trunk = "T1" }, $"offer-{callId}"));
        Assert.Equal("Ivr", repeated.GetProperty("status").GetString());
        Assert.Equal(2, Collects(callId).Count(c => c.StartsWith(MainPromptStart)));
        Assert.Single(Timeline(repeated), t => t.What == "ivr-entered");
    }

    [Theory]
    [InlineData("2", "service")]
    [InlineData("3", "complaint")]
    [InlineData("0", "service")]
    public async Task A_main_menu_choice_queues_the_caller(string digit, string queue)
    {
        var callId = await Offer();
        var view = await Press(callId, digit);
        Assert.Equal(queue, view.GetProperty("queueId").GetString());
        Assert.NotEqual("Ivr", view.GetProperty("status").GetString());
        Assert.Contains(Timeline(view), t => t.What == "ivr-left" && t.Detail!.Contains(queue));
    }

    [Fact]
    public async Task One_opens_the_consultation_menu_whose_zero_reaches_an_agent()
    {
        var callId = await Offer();
        var consult = await Press(callId, "1");
        Assert.Equal("Ivr", consult.GetProperty("status").GetString());
        Assert.Contains("留言请按3", Collects(callId).Last());
        var queued = await Press(callId, "0");
        Assert.Equal("service", queued.GetProperty("queueId").GetString());
    }

    [Fact]
    public async Task Complaints_wait_ahead_of_the_same_queue_s_ordinary_callers()
    {
        // A number of its own, whose menu sends 1 to the complaints queue without priority and 3 with the default's raise.
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var flow = Flow(("1", "普通", new { kind = "queue", target = "complaint" }), ("3", "投诉", new { kind = "queue", target = "complaint", priority = 5 }));
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.PutAsJsonAsync("/api/ivr/flows/037166661", flow)).StatusCode);
        var ordinary = await Offer("037166661");
        await Press(ordinary, "1");
        var complaint = await Offer("037166661");
        await Press(complaint, "3");

        using var supervisor = await WebSession.SignIn(fixture.Web, "supervisor");
        var queues = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/queues");
        var waiting = queues.EnumerateArray().Single(q => q.GetProperty("queueId").GetString() == "complaint")
            .GetProperty("waitingCallIds").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.True(waiting.IndexOf(complaint) < waiting.IndexOf(ordinary), $"the later complaint waits ahead: {string.Join(",", waiting)}");
    }

    [Fact]
    public async Task Silence_repeats_the_menu_then_the_fallback_takes_the_caller_to_an_agent()
    {
        var callId = await Offer();
        var once = await Press(callId, "");
        Assert.Equal("Ivr", once.GetProperty("status").GetString());
        Assert.Equal(2, Collects(callId).Count(c => c.StartsWith(MainPromptStart)));
        await Press(callId, "");
        Assert.Equal(3, Collects(callId).Count(c => c.StartsWith(MainPromptStart)));
        var fallen = await Press(callId, "");
        Assert.Equal("service", fallen.GetProperty("queueId").GetString());
        Assert.Equal(3, Timeline(fallen).Count(t => t.What == "ivr" && t.Detail!.Contains("(超时)")));
    }

    [Fact]
    public async Task A_key_no_option_has_is_told_and_asked_again_then_the_fallback_takes_over()
    {
        var callId = await Offer();
        await Press(callId, "7");
        Assert.StartsWith("您的输入有误。" + MainPromptStart, Collects(callId).Last());
        await Press(callId, "8");
        var fallen = await Press(callId, "9");
        Assert.Equal("service", fallen.GetProperty("queueId").GetString());
    }

    [Fact]
    public async Task Self_service_speaks_a_real_order_s_status_and_nothing_about_its_owner()
    {
        var kpis = fixture.Deployment.Silos[0].Grains.GetGrain<HomeService.CallCenter.Kpis.ICallCenterKpiGrain>(0);
        var servedBefore = (await kpis.GetLive()).Center.Today.IvrSelfService;
        var callId = await Offer();
        await Press(callId, "4");
        Assert.Equal("请输入工单号中的数字，以井号键结束。", Collects(callId).Last());
        var back = await Press(callId, "20261118002#"); // WO20261118002, the demo member's nanny order, in service
        Assert.Equal("Ivr", back.GetProperty("status").GetString());
        var spoken = Plays(callId);
        Assert.Contains(spoken, p => p.Contains("当前状态是：服务中"));
        Assert.DoesNotContain(spoken.Concat(Collects(callId)), p => p.Contains("张") || p.Contains("13800138000") || p.Contains("花园路"));
        Assert.StartsWith(MainPromptStart, Collects(callId).Last()); // back at the main menu
        // The wallboard counts the caller as served by the IVR (IVR 自助完成).
        await Eventually.True(async () => (await kpis.GetLive()).Center.Today.IvrSelfService == servedBefore + 1, TimeSpan.FromSeconds(10),
            "the live KPIs count one IVR self-service completion");
        Assert.Equal("service", (await Press(callId, "0")).GetProperty("queueId").GetString());
    }

    [Fact]
    public async Task A_wrong_order_number_is_asked_again_and_then_an_agent_takes_the_call()
    {
        var callId = await Offer();
        await Press(callId, "4");
        await Press(callId, "99999999999#");
        Assert.StartsWith("未查到该工单", Collects(callId).Last());
        await Press(callId, "12");
        var agent = await Press(callId, "88888888888#");
        Assert.Equal("service", agent.GetProperty("queueId").GetString());
        Assert.DoesNotContain(Plays(callId), p => p.Contains("当前状态"));
    }

    [Fact]
    public async Task Voicemail_records_the_message_and_the_call_ends_as_a_voicemail_the_supervisor_can_find()
    {
        var callId = await Offer();
        await Press(callId, "1");
        await Press(callId, "3");
        Assert.Contains("请在提示音后留言，留言完毕请挂机。", Plays(callId));
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "record-start");
        var ended = await Body(await Cti($"/api/cti/calls/{callId}/recording", new { url = "https://rec.example/vm-1.wav" }, $"rec-{callId}"));
        Assert.Equal("Ended", ended.GetProperty("status").GetString());
        Assert.Equal("voicemail", ended.GetProperty("endCause").GetString());

        using var supervisor = await WebSession.SignIn(fixture.Web, "supervisor");
        var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
        Assert.Equal("https://rec.example/vm-1.wav", call.GetProperty("recordingUrl").GetString());
        Assert.Equal("voicemail", await fixture.Deployment.Scalar<string>("SELECT end_cause FROM call_record WHERE call_id = $1", callId));
    }

    [Fact]
    public async Task A_caller_who_hangs_up_after_the_message_ends_the_call_as_a_voicemail_too()
    {
        var callId = await Offer();
        await Press(callId, "1");
        await Press(callId, "3");
        var ended = await Body(await Cti($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hup-{callId}"));
        Assert.Equal("voicemail", ended.GetProperty("endCause").GetString());
    }

    [Fact]
    public async Task Information_is_played_and_the_call_ends()
    {
        var callId = await Offer();
        await Press(callId, "1");
        var ended = await Press(callId, "2");
        Assert.Equal("Ended", ended.GetProperty("status").GetString());
        Assert.Equal("info", ended.GetProperty("endCause").GetString());
        Assert.Contains(Plays(callId), p => p.StartsWith("本中心热线每天早八点至晚八点有人工服务"));
        Assert.Contains(Switch.CommandsFor(callId), c => c.Command == "hangup" && c.Argument == "caller");
    }

    [Fact]
    public async Task A_callback_booked_in_the_ivr_keeps_a_place_while_the_caller_hangs_up()
    {
        var callId = await Offer();
        await Press(callId, "1");
        var booked = await Press(callId, "4");
        Assert.Equal("CallbackWaiting", booked.GetProperty("status").GetString());
        Assert.Contains("已为您预约回呼，请挂机，座席空闲后将立即给您回电。", Plays(callId));
        var after = await Body(await Cti($"/api/cti/calls/{callId}/hangup", new { leg = "caller", cause = "normal" }, $"hup-{callId}"));
        Assert.Equal("CallbackWaiting", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_caller_s_path_is_on_the_timeline_and_in_the_screen_pop()
    {
        var callId = await Offer();
        await Press(callId, "5"); // a key no option has, then the complaint
        await Press(callId, "3");
        // The pop as the ringing agent's console gets it (no agent is ready here, so it is read from the call).
        var pop = await fixture.Deployment.Silos[0].Grains.GetGrain<HomeService.CallCenter.ICallGrain>(callId).GetPop();
        Assert.Equal(["主菜单", "3 投诉及建议"], pop.IvrPath);

        var timeline = Timeline(await View(callId));
        Assert.Equal(["ivr-entered", "ivr", "ivr", "ivr-left"], timeline.Select(t => t.What).Where(w => w.StartsWith("ivr")));
        Assert.Contains(timeline, t => t.What == "ivr" && t.Detail == "主菜单: 5 → invalid, again 1/2");
        Assert.Contains(timeline, t => t.What == "ivr" && t.Detail!.StartsWith("主菜单: 3 → 队列 complaint"));
    }

    [Fact]
    public async Task A_flow_edited_mid_call_does_not_change_a_call_already_in_it()
    {
        const string number = "037166662";
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var v1 = await admin.Http.PutAsJsonAsync($"/api/ivr/flows/{number}", Flow(("2", "服务", new { kind = "queue", target = "service" })));
        Assert.Equal(1, (await Body(v1)).GetProperty("version").GetInt32());
        var early = await Offer(number);

        var v2 = await admin.Http.PutAsJsonAsync($"/api/ivr/flows/{number}", FlowWith("新版菜单，请按2。", ("2", "投诉", new { kind = "queue", target = "complaint" })));
        Assert.Equal(2, (await Body(v2)).GetProperty("version").GetInt32());
        var late = await Offer(number);
        Assert.Equal("新版菜单，请按2。", Collects(late).Single());

        Assert.Equal("service", (await Press(early, "2")).GetProperty("queueId").GetString()); // version 1 to the end
        Assert.Equal("complaint", (await Press(late, "2")).GetProperty("queueId").GetString());

        using var supervisor = await WebSession.SignIn(fixture.Web, "supervisor");
        var old = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/ivr/flows/{number}?version=1");
        Assert.Equal("service", old.GetProperty("definition").GetProperty("menus").GetProperty("main").GetProperty("options")[0]
            .GetProperty("action").GetProperty("target").GetString());
        var list = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/ivr/flows");
        Assert.Contains(list.EnumerateArray(), f => f.GetProperty("dialled").GetString() == number && f.GetProperty("version").GetInt32() == 2);
        Assert.Contains(list.EnumerateArray(), f => f.GetProperty("dialled").GetString() == Hotline && f.GetProperty("version").GetInt32() == 1);
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.PutAsJsonAsync($"/api/ivr/flows/{number}", Flow())).StatusCode);
    }

    [Fact]
    public async Task An_earlier_version_comes_back_as_a_new_version_and_each_change_is_audited()
    {
        const string number = "037166663";
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        await Body(await admin.Http.PutAsJsonAsync($"/api/ivr/flows/{number}", Flow(("2", "服务", new { kind = "queue", target = "service" }))));
        await Body(await admin.Http.PutAsJsonAsync($"/api/ivr/flows/{number}", FlowWith("第二版。", ("2", "投诉", new { kind = "queue", target = "complaint" }))));
        // The same flow again publishes nothing.
        var same = await Body(await admin.Http.PutAsJsonAsync($"/api/ivr/flows/{number}", FlowWith("第二版。", ("2", "投诉", new { kind = "queue", target = "complaint" }))));
        Assert.Equal(2, same.GetProperty("version").GetInt32());

        using var supervisor = await WebSession.SignIn(fixture.Web, "supervisor");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.PostAsJsonAsync($"/api/ivr/flows/{number}/restore", new { version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.PostAsJsonAsync($"/api/ivr/flows/{number}/restore", new { version = 9 })).StatusCode);
        var restored = await Body(await admin.Http.PostAsJsonAsync($"/api/ivr/flows/{number}/restore", new { version = 1 }));
        Assert.Equal(3, restored.GetProperty("version").GetInt32());
        Assert.Equal(1, restored.GetProperty("restoredFrom").GetInt32());
        Assert.Equal("请按键。", Collects(await Offer(number)).Single());

        var versions = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/ivr/flows/{number}/versions");
        Assert.Equal([3, 2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("admin:admin", versions[0].GetProperty("createdBy").GetString());
        Assert.Equal("ivr_flow.publish 1, ivr_flow.publish 2, ivr_flow.restore 3", await fixture.Deployment.Scalar<string>("""
            SELECT string_agg(action || ' ' || (after->>'version'), ', ' ORDER BY id) FROM audit_log WHERE target_kind = 'ivr_flow' AND target_id = $1
            """, number));
    }

    [Fact]
    public async Task A_broken_flow_is_refused_with_the_path_of_what_is_broken()
    {
        using var admin = await WebSession.SignIn(fixture.Web, "admin");
        var current = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/ivr/flows/{Hotline}");
        var definition = System.Text.Json.Nodes.JsonNode.Parse(current.GetProperty("definition").GetRawText())!;
        var main = definition["menus"]!["main"]!;
        main["options"]!.AsArray().Add(System.Text.Json.Nodes.JsonNode.Parse("""{"digit": "5", "label": "新业务", "action": {"kind": "menu", "target": "nowhere"}}"""));
        main["options"]![1]!["digit"] = "1";
        main["timeoutSeconds"] = 0;
        definition["menus"]!["consult"]!.AsObject().Remove("fallback");

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/ivr/flows/{Hotline}") { Content = JsonContent.Create(definition) };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var refused = await admin.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("urn:homeservice:problem:validation", problem.GetProperty("type").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Equal("menus.main.options.5.action.target: the menu it leads to does not exist.",
            errors.GetProperty("menus.main.options.5.action.target")[0].GetString());
        Assert.Contains("duplicates", errors.GetProperty("menus.main.options.1.digit")[0].GetString());
        Assert.Contains("between", errors.GetProperty("menus.main.timeoutSeconds")[0].GetString());
        Assert.Contains("no fallback", errors.GetProperty("menus.consult.fallback")[0].GetString());

        // Nothing changed: the hotline is still at version 1.
        Assert.Equal(1, (await admin.Http.GetFromJsonAsync<JsonElement>($"/api/ivr/flows/{Hotline}")).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync("/api/ivr/flows/037100000")).StatusCode);
    }

    /// <summary>A one-menu flow with the given options (an agent if none); silence goes to an agent.</summary>
    private static object Flow(params (string Digit, string Label, object Action)[] options) => FlowWith("请按键。", options);

    private static object FlowWith(string prompt, params (string Digit, string Label, object Action)[] options) => new
    {
        root = "main",
        menus = new Dictionary<string, object>
        {
            ["main"] = new
            {
                name = "主菜单", prompt, timeoutSeconds = 5, retries = 1,
                options = (options.Length == 0 ? [("0", "人工", (object)new { kind = "agent" })] : options)
                    .Select(o => new { digit = o.Digit, label = o.Label, action = o.Action }).ToList(),
                fallback = new { kind = "agent" },
            },
        },
    };

    private async Task<string> Offer(string dialled = Hotline)
    {
        var callId = $"ivr-{Guid.NewGuid():N}";
        var offered = await Cti("/api/cti/calls", new { callId, caller = "13912340000", dialled, trunk = "T1" }, $"offer-{callId}");
        Assert.Equal(HttpStatusCode.OK, offered.StatusCode);
        return callId;
    }

    private async Task<JsonElement> Press(string callId, string digits) =>
        await Body(await Cti($"/api/cti/calls/{callId}/dtmf", new { digits }, $"dtmf-{callId}-{Guid.NewGuid():N}"));

    private async Task<JsonElement> View(string callId)
    {
        using var supervisor = await WebSession.SignIn(fixture.Web, "supervisor");
        return await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
    }

    private List<string> Collects(string callId) =>
        Switch.CommandsFor(callId).Where(c => c.Command == "collect").Select(c => c.Argument!).ToList();

    private List<string> Plays(string callId) =>
        Switch.CommandsFor(callId).Where(c => c.Command == "play").Select(c => c.Argument!).ToList();

    private static List<(string What, string? Detail)> Timeline(JsonElement view) =>
        view.GetProperty("timeline").EnumerateArray().Select(t => (t.GetProperty("what").GetString()!, t.GetProperty("detail").GetString())).ToList();

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<HttpResponseMessage> Cti(string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await fixture.Switch.SendAsync(request);
    }
}
