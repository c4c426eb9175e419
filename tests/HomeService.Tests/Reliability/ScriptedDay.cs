using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>
/// A scripted day at the center through the public HTTP API: calls from the switch answered by agents, orders taken
/// on those calls, accepted, served and rated, a complaint, and orders still open when the day is cut short.
/// It remembers the last acknowledged (2xx) answer for every order and every call: what someone was told happened.
/// </summary>
public sealed class ScriptedDay : IDisposable
{
    public const string PartnerIdempotencyKey = "day-partner-order-1";

    private readonly RunningWeb _web;
    private readonly SwitchClient _switch;
    private readonly Dictionary<string, WebSession> _agents = [];
    private WebSession _supervisor = null!, _merchant = null!, _worker = null!, _resident = null!;

    public ScriptedDay(RunningWeb web)
    {
        _web = web;
        _switch = new SwitchClient(web);
    }

    public Dictionary<string, JsonElement> Orders { get; } = [];
    public Dictionary<string, JsonElement> Calls { get; } = [];

    /// <summary>A call still connected to an agent when the day is cut short.</summary>
    public string CallInProgress { get; private set; } = "";

    public async Task Run()
    {
        _supervisor = await WebSession.SignIn(_web, "supervisor");
        _merchant = await WebSession.SignIn(_web, "merchant1");
        _worker = await WebSession.SignIn(_web, "worker1");
        _resident = await WebSession.SignIn(_web, "resident");
        foreach (var (login, agentId) in new[] { ("agent1", "A001"), ("agent2", "A002") })
        {
            var seat = _agents[agentId] = await WebSession.SignIn(_web, login);
            await Acknowledged.Body(seat.Http.PostAsync("/api/console/login", null));
            await Acknowledged.Body(seat.Http.PostAsync("/api/console/ready", null));
        }

        // Morning: a caller books a cleaning; it is served and the center's follow-up call rates it.
        var (agent, callId) = await AnsweredCall("13612340001", ivrChoice: "2");
        var cleaning = await TakeOrder(agent, callId, memberId: null, "13612340001");
        await EndCall(agent, callId);
        await Serve(cleaning, checkOut: true);
        await Eventually.True(async () => (await agent.Http.GetFromJsonAsync<JsonElement>("/api/follow-ups")).EnumerateArray()
            .Any(o => o.GetProperty("orderNo").GetString() == cleaning), TimeSpan.FromSeconds(60), "the follow-up falls due");
        var followUp = new { score = 5, resolved = true, comment = "满意" };
        Order(await Acknowledged.Body(agent.Http.PostAsJsonAsync($"/api/orders/{cleaning}/follow-up", followUp)));

        // A member calls, is served, and rates the visit on the website herself.
        (agent, callId) = await AnsweredCall("13800138000", ivrChoice: "2");
        var members = await TakeOrder(agent, callId, memberId: "R0001", "13800138000");
        await EndCall(agent, callId);
        await Serve(members, checkOut: true);
        var rating = new { score = 4, resolved = true, comment = "阿姨很细心" };
        Order(await Acknowledged.Body(_resident.Http.PostAsJsonAsync($"/api/member/orders/{members}/rating", rating)));

        // A complaint about that visit comes in on the complaint line.
        (agent, callId) = await AnsweredCall("13612340003", ivrChoice: "3");
        Order(await Acknowledged.Body(agent.Http.PostAsJsonAsync("/api/complaints", new
        {
            contactName = "孙先生", contactPhone = "13612340003", relatedOrderNo = members, againstMerchantId = "M001", severity = "medium",
            description = "服务人员迟到半小时",
        })));
        await EndCall(agent, callId);

        // Afternoon, cut short: a caller on the line, one visit in progress, one offer unanswered, one partner order just in.
        (_, CallInProgress) = await AnsweredCall("13612340006", ivrChoice: "1");
        var inService = await TakeOrder(_agents["A001"], callId: null, memberId: null, "13612340004");
        await Serve(inService, checkOut: false);
        await TakeOrder(_agents["A002"], callId: null, memberId: null, "13612340005");
        Order(await Acknowledged.Body(PartnerOrder(_web, PartnerIdempotencyKey)));
    }

    /// <summary>The partner API's create request: a drain job in 中原区 with the given Idempotency-Key.</summary>
    public static async Task<HttpResponseMessage> PartnerOrder(RunningWeb web, string idempotencyKey)
    {
        using var partner = new HttpClient { BaseAddress = web.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/partner/orders")
        {
            Content = JsonContent.Create(new
            {
                contactName = "物业转单", contactPhone = "13577778888", category = "drain", address = "中原区建设路 99 号", district = "中原区",
                windowStart = DateTimeOffset.UtcNow.AddHours(1), windowEnd = DateTimeOffset.UtcNow.AddHours(5),
            }),
            Headers = { { "X-Api-Key", TestDeployment.PartnerKey }, { "Idempotency-Key", idempotencyKey } },
        };
        return await partner.SendAsync(request);
    }

    /// <summary>A call offered by the switch, rung at an agent by the platform, answered on the phone, with a DTMF event.</summary>
    private async Task<(WebSession Agent, string CallId)> AnsweredCall(string caller, string ivrChoice)
    {
        var callId = $"day-{Guid.NewGuid():N}";
        Call(await Acknowledged.Body(_switch.Offer(callId, caller, ivrChoice)));
        var ringing = await SwitchClient.RingingAgent(_supervisor, callId);
        Call(await Acknowledged.Body(_switch.Answered(callId, SwitchClient.SeatOf(ringing))));
        Call(await Acknowledged.Body(_switch.Dtmf(callId, "1#", "dtmf-1")));
        return (_agents[ringing], callId);
    }

    private async Task EndCall(WebSession agent, string callId)
    {
        Call(await Acknowledged.Body(_switch.HangUp(callId)));
        Call(await Acknowledged.Body(_switch.Recording(callId)));
        await Acknowledged.Body(agent.Http.PostAsync("/api/console/end-wrap-up", null));
    }

    private async Task<string> TakeOrder(WebSession agent, string? callId, string? memberId, string phone) =>
        Order(await Acknowledged.Body(agent.Http.PostAsJsonAsync("/api/orders", OrderApi.HomeCleaning(phone, callId, memberId))));

    /// <summary>merchant1 accepts and sends W001, who checks in (and out). W001 takes one open order at a time.</summary>
    private async Task Serve(string orderNo, bool checkOut)
    {
        Order(await Acknowledged.Body(_merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)));
        Order(await Acknowledged.Body(_merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })));
        Order(await Acknowledged.Body(_worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-in", null)));
        if (checkOut) Order(await Acknowledged.Body(_worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/check-out", null)));
    }

    private string Order(JsonElement view)
    {
        var orderNo = view.GetProperty("orderNo").GetString()!;
        Orders[orderNo] = view;
        return orderNo;
    }

    private void Call(JsonElement view) => Calls[view.GetProperty("callId").GetString()!] = view;

    public void Dispose()
    {
        _switch.Dispose();
        foreach (var session in new[] { _supervisor, _merchant, _worker, _resident }.Concat(_agents.Values)) session?.Dispose();
    }
}
