using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>Complaints, consultations and suggestions through their flows, with the roles that do each step.</summary>
public sealed class RequestFlowTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    private static async Task<JsonElement> Step(WebSession who, string orderNo, string step, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await who.Http.PostAsJsonAsync($"/api/orders/{orderNo}/{step}", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == expected, $"{step}: {(int)response.StatusCode} {json}");
        return json;
    }

    [Fact]
    public async Task A_complaint_is_assigned_to_the_merchant_answered_judged_reopened_and_closed()
    {
        using var agent = await WebSession.SignIn(_web, "agent4");
        var created = await agent.Http.PostAsJsonAsync("/api/complaints", new
        {
            contactName = "张女士", contactPhone = "13800138000", againstMerchantId = "M001", severity = "high", description = "保姆迟到两小时，态度不好",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var no = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;

        await Step(agent, no, "verdict", new { upheld = true, reason = "x" }, HttpStatusCode.Forbidden); // agents do not judge
        Assert.Equal("Assigned", (await Step(agent, no, "assign", new { party = "merchant:M001" })).GetProperty("status").GetString());

        using var otherMerchant = await WebSession.SignIn(_web, "merchant2");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await otherMerchant.Http.PostAsJsonAsync($"/api/merchant/orders/{no}/respond", new { text = "不是我们" })).StatusCode);
        using var merchant = await WebSession.SignIn(_web, "merchant1");
        var portal = await merchant.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders");
        Assert.Contains(portal.EnumerateArray(), o => o.GetProperty("orderNo").GetString() == no);
        var answered = await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{no}/respond", new { text = "已向客户道歉，并对保姆进行了培训。" });
        Assert.Equal("Responded", (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var supervisor = await WebSession.SignIn(_web, "supervisor");
        var verdict = await Step(supervisor, no, "verdict", new { upheld = true, reason = "服务人员迟到属实" });
        Assert.True(verdict.GetProperty("upheld").GetBoolean());
        Assert.Equal("Assigned", (await Step(agent, no, "complainant-follow-up", new { satisfied = false, comment = "还是不满意" })).GetProperty("status").GetString());
        await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{no}/respond", new { text = "免除本次服务费用。" });
        await Step(supervisor, no, "verdict", new { upheld = true, reason = "补偿已到位" });
        Assert.Equal("Closed", (await Step(agent, no, "complainant-follow-up", new { satisfied = true })).GetProperty("status").GetString());

        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{no}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("event").GetString() == "VerdictGiven"
            && h.GetProperty("details").GetString()!.Contains("\"upheld\": true"));
        await Step(agent, no, "respond", new { text = "again" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_consultation_is_answered_at_once_or_forwarded_to_an_expert_and_a_suggestion_is_answered_and_closed()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        async Task<string> Create(string path, string text) =>
            (await (await agent.Http.PostAsJsonAsync(path, new { contactPhone = "13911112222", text })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("orderNo").GetString()!;

        var quick = await Create("/api/consultations", "月嫂一般怎么收费？");
        Assert.Equal("Closed", (await Step(agent, quick, "answer", new { text = "参考价格 8000-15000 元/月，视经验而定。" })).GetProperty("status").GetString());

        var legal = await Create("/api/consultations", "保姆受伤，雇主要承担什么责任？");
        Assert.Equal("Forwarded", (await Step(agent, legal, "forward", new { to = "法律咨询专家" })).GetProperty("status").GetString());
        Assert.Equal("Replied", (await Step(agent, legal, "reply", new { text = "建议购买家政服务意外险……" })).GetProperty("status").GetString());
        await Step(agent, legal, "send-reply", new { channel = "fax" }, HttpStatusCode.BadRequest);
        Assert.Equal("Closed", (await Step(agent, legal, "send-reply", new { channel = "sms" })).GetProperty("status").GetString());
        // The expert's answer waits in the outbox for the SMS gateway, addressed to the caller's phone.
        Assert.Equal("建议购买家政服务意外险……", await _deployment.Scalar<string>(
            "SELECT params->>'text' FROM notification_outbox WHERE channel = 'sms' AND recipient_id = '13911112222' AND params->>'orderNo' = $1", legal));

        var idea = await Create("/api/suggestions", "希望增加夜间上门服务");
        await Step(agent, idea, "forward", new { to = "市场发展部" });
        await Step(agent, idea, "reply", new { text = "已纳入明年计划" });
        Assert.Equal("Closed", (await Step(agent, idea, "send-reply", new { channel = "phone" })).GetProperty("status").GetString());

        var empty = await agent.Http.PostAsJsonAsync("/api/suggestions", new { contactPhone = "13911112222", text = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
    }
}
