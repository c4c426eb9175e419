using System.Net.Http.Json;
using System.Text.Json;

namespace HomeService.Tests.Reliability;

/// <summary>A probe deployment plus real resources, so a bad body sent to a real id gets past "no such thing" to the body check.</summary>
public sealed class BadInputFixture : ProbeDeployment
{
    public const string CallId = "probe-call-1";
    public const string ProbeLogin = "m001-probe";
    private readonly Dictionary<RealOrder, string> _orders = new();

    /// <summary>An API key of the probes' own, so rotate and revoke probes reach the body check without touching a key in use.</summary>
    public string KeyId { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var start = DateTimeOffset.UtcNow.AddDays(1);
        var order = new
        {
            memberId = "R0001", contactName = "张女士", contactPhone = "13800138000", category = "hourly", address = "金水区花园路 8 号院",
            district = "金水区", windowStart = start, windowEnd = start.AddHours(2),
        };
        _orders[RealOrder.Service] = await Create(Caller.Agent, "/api/orders", order);
        _orders[RealOrder.Partner] = await Create(Caller.PartnerKey, "/api/partner/orders", order);
        _orders[RealOrder.Consultation] = await Create(Caller.Agent, "/api/consultations", new { contactPhone = "13800138000", text = "月嫂怎么收费？" });
        var complaint = await Create(Caller.Agent, "/api/complaints",
            new { contactPhone = "13800138000", againstMerchantId = "M001", severity = "high", description = "保姆迟到两小时" });
        // Assigned to M001, so merchant1's "respond" reaches the text check.
        await Expect(await Send(Caller.Agent, HttpMethod.Post, $"/api/orders/{complaint}/assign", Json(new { party = "merchant:M001" })));
        _orders[RealOrder.Complaint] = complaint;
        // A staff login of merchant1's for the {login} of its logins' addresses.
        await Expect(await Send(Caller.Merchant1, HttpMethod.Post, "/api/merchant/logins",
            Json(new { role = "MerchantDispatcher", login = ProbeLogin, displayName = "调度 探针" })));
        await Expect(await Send(Caller.TelephonyKey, HttpMethod.Post, "/api/cti/calls",
            Json(new { callId = CallId, caller = "13800138000", dialled = "037112345", ivrChoice = "2" })));
        var key = await Send(Caller.Admin, HttpMethod.Post, "/api/admin/keys", Json(new { name = "探测密钥", kind = "telephony" }));
        await Expect(key);
        KeyId = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetProperty("keyId").GetString()!;
        await Expect(await Send(Caller.Admin, HttpMethod.Post, "/api/admin/blacklist",
            Json(new { number = BlockedNumber, reason = "骚扰电话", expiresOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)) })));
    }

    /// <summary>A number on the blacklist, so an unblock probe gets past "no such entry" to the body check.</summary>
    public const string BlockedNumber = "13999990000";

    public string Order(RealOrder which) => _orders[which];

    /// <summary>A real value for a path parameter.</summary>
    public string RealId(string parameter, RealOrder order) => parameter switch
    {
        "orderNo" => Order(order),
        "callId" => CallId,
        "queueId" => "service",
        "dialled" => "037112345",
        "code" => "hourly",
        "district" => "jinshui",
        "street" => "s1",
        "workerId" => "W001",
        "merchantId" => "M003",
        "articleId" => "A1001",
        "agentId" => "A004",
        "campaignId" => "cmp-probe",
        "login" => ProbeLogin,
        "keyId" => KeyId,
        "number" => BlockedNumber,
        "year" => "2025",
        "teamId" => "T1",
        "department" => "quality",
        "outboxId" => Guid.Empty.ToString(), // resending takes no body: an unknown message answers 404 to every probe
        "noticeId" => Guid.Empty.ToString(), // cancelling takes no body: an unknown notice answers 404 to every probe
        "kind" => "consultation.reply",
        "token" => "not-the-callback-token", // without the token every push is refused, bad body or not
        _ => throw new InvalidOperationException($"No real value for {{{parameter}}}; add one to {nameof(RealId)}."),
    };

    public static string UnknownId(string parameter) => parameter switch
    {
        "workerId" => "W999",
        "id" or "outboxId" => Guid.Empty.ToString(),
        _ => $"NOSUCH{parameter.ToUpperInvariant()}0",
    };

    private async Task<string> Create(Caller caller, string path, object body)
    {
        var response = await Send(caller, HttpMethod.Post, path, Json(body));
        await Expect(response);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    private static string Json(object body) => JsonSerializer.Serialize(body, new JsonSerializerOptions(JsonSerializerDefaults.Web));

    private static async Task Expect(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Set-up request failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
