using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// One deployment for the hotline tests, its silo on a clock the tests move: it starts on Friday 2025-02-07 at 10:00 in
/// Beijing (the demo seeds the official 2025 calendar) and only ever moves forward.
/// </summary>
public sealed class HotlineDeployment : IAsyncLifetime
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    public MovableClock Clock { get; } = new(new DateTimeOffset(2025, 2, 7, 10, 0, 0, Beijing));
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];
    public HttpClient Switch { get; } = new();
    public WebSession Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1, siloClock: Clock);
        Switch.BaseAddress = Web.BaseAddress;
        Switch.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        Admin = await WebSession.SignIn(Web, "admin");
    }

    public async Task DisposeAsync()
    {
        Switch.Dispose();
        Admin.Dispose();
        await Deployment.DisposeAsync();
    }
}

/// <summary>
/// Hotline numbers through /api/admin and calls offered through /api/cti with the simulated switch: the blacklist,
/// withheld numbers, a closed number's message, voicemail and overflow, versions and their revert with the audit log,
/// and the "what happens if" tool against real calls on a 调休 Saturday and on a public holiday.
/// </summary>
public sealed class HotlineTests(HotlineDeployment fixture) : IClassFixture<HotlineDeployment>
{
    private const string Main = "037112345";

    private SimulatedSwitch Switch => fixture.Deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>();
    private WebSession Admin => fixture.Admin;
    private DateOnly SiloToday => DateOnly.FromDateTime(fixture.Clock.GetUtcNow().ToOffset(HotlineDeployment.Beijing).DateTime);

    [Fact]
    public async Task A_blacklisted_caller_hears_the_message_and_never_reaches_a_queue_until_the_block_is_lifted()
    {
        var block = await Admin.Http.PostAsJsonAsync("/api/admin/blacklist",
            new { number = "+8613900001111", reason = "骚扰电话", expiresOn = SiloToday.AddDays(30) });
        Assert.Equal(HttpStatusCode.OK, block.StatusCode);
        Assert.Equal("13900001111", (await Body(block)).GetProperty("number").GetString());

        var blocked = await Offer(Main, "13900001111", "2");
        Assert.Equal(("Ended", "blacklisted"), (blocked.GetProperty("status").GetString(), blocked.GetProperty("endCause").GetString()));
        Assert.Equal(JsonValueKind.Null, blocked.GetProperty("queueId").ValueKind);
        var commands = Switch.CommandsFor(Id(blocked)).Select(c => c.Command).ToList();
        Assert.Equal(["play", "hangup"], commands); // the message, then the end: no queue prompt, no ringing
        Assert.Contains(Timeline(blocked), t => t.What == "turned-away" && t.Detail!.StartsWith("blacklisted: 骚扰电话"));
        Assert.Equal(0L, await fixture.Deployment.Scalar<long>("SELECT count(*) FROM call_record WHERE call_id = $1 AND queue_id IS NOT NULL", Id(blocked)));

        // Lifted: the next call gets in. Reverted: the block is back (a new version with the content before).
        Assert.Equal(HttpStatusCode.OK, (await Admin.Http.PostAsJsonAsync("/api/admin/blacklist/13900001111/unblock", new { reason = "误拦截" })).StatusCode);
        Assert.Equal("service", (await Offer(Main, "13900001111", "2")).GetProperty("queueId").GetString());
        var revert = await Admin.Http.PostAsync("/api/admin/blacklist/13900001111/revert", null);
        Assert.Equal(3, (await Body(revert)).GetProperty("version").GetInt32());
        Assert.Equal("blacklisted", (await Offer(Main, "13900001111", "2")).GetProperty("endCause").GetString());

        Assert.Equal(["blacklist.block", "blacklist.unblock", "blacklist.revert"], await AuditActions("caller_blacklist", "13900001111"));
        Assert.Equal("骚扰电话", await fixture.Deployment.Scalar<string>(
            "SELECT after ->> 'reason' FROM audit_log WHERE target_id = '13900001111' AND action = 'blacklist.revert'"));
        Assert.Equal("admin:admin", await fixture.Deployment.Scalar<string>(
            "SELECT actor FROM audit_log WHERE target_id = '13900001111' AND action = 'blacklist.block'"));
    }

    [Fact]
    public async Task A_withheld_number_is_turned_away_only_by_a_hotline_that_blocks_them()
    {
        await Save("037166671", Settings() with { BlockWithheld = true, BlockedMessage = "本热线不接受隐藏号码来电。" });
        var blocked = await Offer("037166671", "anonymous", null);
        Assert.Equal("withheld", blocked.GetProperty("endCause").GetString());
        Assert.Equal("本热线不接受隐藏号码来电。", Plays(Id(blocked)).Single());

        var main = await Offer(Main, "Anonymous", "2");
        Assert.Equal("service", main.GetProperty("queueId").GetString());
        Assert.Equal("anonymous", main.GetProperty("caller").GetString());
    }

    [Fact]
    public async Task A_closed_number_plays_its_message_takes_a_voicemail_or_overflows_as_set()
    {
        const string number = "037166672";
        await Save(number, Settings(hours: "") with { ClosedAction = "message", ClosedMessage = "本热线已暂停服务，请拨打 037112345。" });
        var message = await Offer(number, "13900002222", null);
        Assert.Equal(("Ended", "closed"), (message.GetProperty("status").GetString(), message.GetProperty("endCause").GetString()));
        Assert.Equal(["play", "hangup"], Switch.CommandsFor(Id(message)).Select(c => c.Command).ToList());
        Assert.Equal("本热线已暂停服务，请拨打 037112345。", Plays(Id(message)).Single());

        await Save(number, Settings(hours: "") with { ClosedAction = "voicemail" });
        var voicemail = await Offer(number, "13900002222", null);
        Assert.Equal("Ivr", voicemail.GetProperty("status").GetString());
        Assert.Equal(["play", "play", "record-start"], Switch.CommandsFor(Id(voicemail)).Select(c => c.Command).ToList());
        Assert.Equal("请在提示音后留言，留言完毕请挂机。", Plays(Id(voicemail))[1]);
        var left = await Body(await Cti($"/api/cti/calls/{Id(voicemail)}/recording", new { url = "https://recordings.example/vm1.wav" }));
        Assert.Equal(("Ended", "voicemail"), (left.GetProperty("status").GetString(), left.GetProperty("endCause").GetString()));

        // Overflow to another of the center's numbers: that number's routes take the call.
        await Save(number, Settings(hours: "") with { ClosedAction = "overflow", OverflowTo = Main });
        var diverted = await Offer(number, "13900002222", "3");
        Assert.Equal("complaint", diverted.GetProperty("queueId").GetString());
        Assert.Contains(Timeline(diverted), t => t.What == "diverted" && t.Detail!.StartsWith($"{number} → {Main}"));

        // Overflow to a number outside the center: the switch transfers the caller there.
        await Save(number, Settings(hours: "") with { ClosedAction = "overflow", OverflowTo = "13800009999", ClosedMessage = "正在为您转接值班电话。" });
        var outside = await Offer(number, "13900002222", null);
        Assert.Equal(("Ended", "overflow-out"), (outside.GetProperty("status").GetString(), outside.GetProperty("endCause").GetString()));
        Assert.Contains(Switch.CommandsFor(Id(outside)), c => c.Command == "blind-transfer" && c.Argument == "external:13800009999");

        var detail = await Admin.Http.GetFromJsonAsync<JsonElement>($"/api/admin/hotlines/{number}");
        Assert.Equal(4, detail.GetProperty("current").GetProperty("version").GetInt32());
        Assert.Equal(4, detail.GetProperty("versions").GetArrayLength());
    }

    [Fact]
    public async Task A_revert_is_a_new_version_with_the_previous_settings_and_every_version_is_audited_with_before_and_after()
    {
        const string number = "037166674";
        await Save(number, Settings());
        await Save(number, Settings(hours: "") with { ClosedAction = "message" });
        Assert.Equal("closed", (await Offer(number, "13900003333", null)).GetProperty("endCause").GetString());

        var reverted = await Admin.Http.PostAsync($"/api/admin/hotlines/{number}/revert", null);
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        var v3 = await Body(reverted);
        Assert.Equal((3, "00:00-24:00"), (v3.GetProperty("version").GetInt32(), v3.GetProperty("settings").GetProperty("workdayHours").GetString()));
        Assert.Equal("service", (await Offer(number, "13900003333", null)).GetProperty("queueId").GetString()); // at once, the next call

        Assert.Equal(["hotline.save", "hotline.save", "hotline.revert"], await AuditActions("hotline", number));
        Assert.Equal(("", "00:00-24:00"), (
            await fixture.Deployment.Scalar<string>("SELECT before ->> 'workdayHours' FROM audit_log WHERE target_id = $1 AND action = 'hotline.revert'", number),
            await fixture.Deployment.Scalar<string>("SELECT after ->> 'workdayHours' FROM audit_log WHERE target_id = $1 AND action = 'hotline.revert'", number)));
        Assert.True(await fixture.Deployment.Scalar<bool>(
            "SELECT before IS NULL FROM audit_log WHERE target_id = $1 AND action = 'hotline.save' ORDER BY id LIMIT 1", number));

        // An editor who started from version 1 cannot save over versions 2 and 3 unseen.
        var stale = await Admin.Http.PutAsJsonAsync($"/api/admin/hotlines/{number}", Body(Settings(), baseVersion: 1));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.True((await Body(stale)).GetProperty("errors").TryGetProperty("version", out _));
    }

    [Fact]
    public async Task The_what_if_answer_for_a_make_up_saturday_and_a_public_holiday_matches_the_calls_offered_then()
    {
        const string number = "037166673";
        await Save(number, Settings(hours: "") with { WorkdayHours = "09:00-18:00", ClosedAction = "voicemail" });

        // Saturday 2025-02-08 is a working day (春节调休): open, to the default queue.
        fixture.Clock.MoveTo(new DateTimeOffset(2025, 2, 8, 10, 0, 0, HotlineDeployment.Beijing));
        var saturday = await WhatIf(number, "2025-02-08T10:00");
        var entry = saturday.GetProperty("path").GetProperty("entries")[0];
        Assert.Equal("queue", saturday.GetProperty("path").GetProperty("ending").GetString());
        Assert.Equal(("workday", "make-up", "春节"), Day(entry));
        Assert.True(entry.GetProperty("open").GetBoolean());
        var call = await Offer(number, "13900004444", null);
        Assert.Equal(entry.GetProperty("route").GetProperty("queueId").GetString(), call.GetProperty("queueId").GetString());
        Assert.DoesNotContain(Timeline(call), t => t.What == "turned-away");

        // A week later, an ordinary Saturday: closed, the caller may leave a message.
        fixture.Clock.MoveTo(new DateTimeOffset(2025, 2, 15, 10, 0, 0, HotlineDeployment.Beijing));
        var rest = await WhatIf(number, "2025-02-15T10:00");
        Assert.Equal(("voicemail", "rest-day"), (rest.GetProperty("path").GetProperty("ending").GetString(), Day(rest.GetProperty("path").GetProperty("entries")[0]).Kind));
        Assert.Contains(Timeline(await Offer(number, "13900004444", null)), t => t.What == "turned-away" && t.Detail!.StartsWith("closed: rest-day "));

        // Wednesday 2025-10-01 is a public holiday (国庆节、中秋节): closed although a weekday, as the tool says.
        fixture.Clock.MoveTo(new DateTimeOffset(2025, 10, 1, 10, 0, 0, HotlineDeployment.Beijing));
        var holiday = await WhatIf(number, "2025-10-01T10:00");
        var holidayEntry = holiday.GetProperty("path").GetProperty("entries")[0];
        Assert.Equal("voicemail", holiday.GetProperty("path").GetProperty("ending").GetString());
        Assert.Equal(("holiday", "holiday", "国庆节、中秋节"), Day(holidayEntry));
        Assert.False(holidayEntry.GetProperty("open").GetBoolean());
        var closed = await Offer(number, "13900004444", null);
        Assert.Equal("Ivr", closed.GetProperty("status").GetString()); // leaving a message
        Assert.Contains(Timeline(closed), t => t.What == "turned-away" && t.Detail == "closed: holiday 国庆节、中秋节 2025-10-01 10:00 hours: (closed) → voicemail");
        Assert.Equal(holidayEntry.GetProperty("say").GetString(), Plays(Id(closed))[0]);

        // The main hotline is open that day: its platform IVR answers, and key 3 leads where a caller pressing 3 goes.
        var ivr = await WhatIf(Main, "2025-10-01T10:00", keys: "3");
        Assert.Equal("ivr", ivr.GetProperty("path").GetProperty("ending").GetString());
        Assert.Equal("主菜单", ivr.GetProperty("path").GetProperty("entries")[0].GetProperty("ivrMenu").GetString());
        var caller = await Offer(Main, "13900004444", null);
        var pressed = await Body(await Cti($"/api/cti/calls/{Id(caller)}/dtmf", new { digits = "3" }));
        Assert.Equal(ivr.GetProperty("ivrQueue").GetProperty("queueId").GetString(), pressed.GetProperty("queueId").GetString());
    }

    [Fact]
    public async Task An_agent_blocks_the_caller_of_a_call_they_answered_and_a_supervisor_any_call()
    {
        var grains = fixture.Deployment.Silos[0].Grains;
        // Callers left waiting by the other tests hang up first, so the call below is the one that rings.
        foreach (var queue in new[] { "service", "complaint" })
            foreach (var waiting in (await grains.GetGrain<HomeService.CallCenter.IQueueGrain>(queue).GetView()).WaitingCallIds)
                await Cti($"/api/cti/calls/{waiting}/hangup", new { leg = "caller" });
        var agent = grains.GetGrain<HomeService.CallCenter.IAgentGrain>("A003");
        Assert.True((await agent.Login()).Succeeded);
        Assert.True((await agent.Ready()).Succeeded);
        var call = Id(await Offer(Main, "13900005555", "2"));
        await Eventually.True(async () => (await grains.GetGrain<HomeService.CallCenter.ICallGrain>(call).Get()).RingingAgents.Contains("A003"),
            TimeSpan.FromSeconds(10), "the call rings at A003");
        Assert.True((await grains.GetGrain<HomeService.CallCenter.ICallGrain>(call).Accept("A003")).Succeeded);
        await Cti($"/api/cti/calls/{call}/hangup", new { leg = "caller" });
        await agent.Logout("test");

        using var other = await WebSession.SignIn(fixture.Web, "agent4");
        var until = SiloToday.AddDays(7);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsJsonAsync($"/api/admin/blacklist/calls/{call}", new { reason = "骚扰", expiresOn = until })).StatusCode);
        using var own = await WebSession.SignIn(fixture.Web, "agent3");
        var missing = await own.Http.PostAsJsonAsync($"/api/admin/blacklist/calls/{call}", new { expiresOn = until });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var blocked = await own.Http.PostAsJsonAsync($"/api/admin/blacklist/calls/{call}", new { reason = "多次辱骂坐席", expiresOn = until });
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var entry = (await Body(blocked)).GetProperty("entry");
        Assert.Equal(("13900005555", call, "agent:agent3"), (entry.GetProperty("number").GetString(), entry.GetProperty("callId").GetString(),
            entry.GetProperty("blockedBy").GetString()));
        Assert.Equal("blacklisted", (await Offer(Main, "13900005555", "2")).GetProperty("endCause").GetString());

        // A supervisor blocks any call's caller on the page the recordings link to (a plain form post).
        using var supervisor = await WebSession.SignIn(fixture.Web, "supervisor");
        var anyCall = Id(await Offer(Main, "13900006666", "2"));
        var page = $"/calls/{anyCall}/block";
        Assert.Contains("13900006666", await supervisor.Http.GetStringAsync(page));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await supervisor.AntiforgeryToken(page), ["Reason"] = "骚扰电话", ["Days"] = "7",
        });
        var done = await (await supervisor.Http.PostAsync(page, form)).Content.ReadAsStringAsync();
        Assert.Contains("id=\"blocked\"", done);
        Assert.Equal("blacklisted", (await Offer(Main, "13900006666", "2")).GetProperty("endCause").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await own.Http.GetAsync(page)).StatusCode); // not agent3's call
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.Http.PostAsJsonAsync("/api/admin/blacklist",
            new { number = "13900007777", reason = "骚扰电话", expiresOn = until })).StatusCode);
    }

    private sealed record HotlineBody(string Name, bool IvrAnswers, object[] Routes, string WorkdayHours, string RestDayHours, string HolidayHours,
        string ClosedAction, string ClosedMessage, string? OverflowTo, string BlockedMessage, bool BlockWithheld);

    private static HotlineBody Settings(string hours = "00:00-24:00") =>
        new("测试热线", false, [new { choice = "", queueId = "service", priority = 0 }, new { choice = "3", queueId = "complaint", priority = 5 }],
            hours, hours, hours, "message", "", null, "", false);

    private static object Body(HotlineBody s, int? baseVersion) => new
    {
        s.Name, s.IvrAnswers, s.Routes, s.WorkdayHours, s.RestDayHours, s.HolidayHours, s.ClosedAction, s.ClosedMessage, s.OverflowTo, s.BlockedMessage,
        s.BlockWithheld, baseVersion,
    };

    private async Task Save(string number, HotlineBody settings)
    {
        var saved = await Admin.Http.PutAsJsonAsync($"/api/admin/hotlines/{number}", Body(settings, null));
        Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> WhatIf(string number, string at, string keys = "") =>
        await Admin.Http.GetFromJsonAsync<JsonElement>(
            $"/api/admin/routing/what-if?dialled={number}&at={Uri.EscapeDataString(at)}&caller=13900004444&keys={Uri.EscapeDataString(keys)}");

    private static (string Kind, string Source, string? Name) Day(JsonElement entry)
    {
        var day = entry.GetProperty("day");
        return (day.GetProperty("kind").GetString()!, day.GetProperty("source").GetString()!,
            day.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null);
    }

    private async Task<JsonElement> Offer(string dialled, string caller, string? ivrChoice)
    {
        var callId = $"hl-{Guid.NewGuid():N}";
        var offered = await Cti("/api/cti/calls", new { callId, caller, dialled, trunk = "T1", ivrChoice });
        Assert.True(offered.StatusCode == HttpStatusCode.OK, await offered.Content.ReadAsStringAsync());
        return await Body(offered);
    }

    private Task<HttpResponseMessage> Cti(string path, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return fixture.Switch.SendAsync(request);
    }

    private async Task<List<string>> AuditActions(string kind, string id)
    {
        await using var conn = new Npgsql.NpgsqlConnection(fixture.Deployment.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT action FROM audit_log WHERE target_kind = $1 AND target_id = $2 ORDER BY id", conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = kind });
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
        var actions = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) actions.Add(r.GetString(0));
        return actions;
    }

    private List<string> Plays(string callId) => Switch.CommandsFor(callId).Where(c => c.Command == "play").Select(c => c.Argument!).ToList();

    private static string Id(JsonElement view) => view.GetProperty("callId").GetString()!;

    private static List<(string What, string? Detail)> Timeline(JsonElement view) =>
        view.GetProperty("timeline").EnumerateArray().Select(t => (t.GetProperty("what").GetString()!, t.GetProperty("detail").GetString())).ToList();

    private static async Task<JsonElement> Body(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
