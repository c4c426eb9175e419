using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.WorkOrders;

/// <summary>A service order through intake, dispatch, the merchant portal and the worker page, over the real API.</summary>
public sealed class ServiceOrderFlowTests : IAsyncLifetime
{
    private TestDeployment _deployment = null!;
    private RunningWeb _web = null!;

    public async Task InitializeAsync()
    {
        // Offers keep the default 10 minutes here: under a loaded suite a 2 s offer once expired before the merchant's accept
        // arrived. Expiry has its own deployment in OfferExpiryTests.
        // Quiet hours off: the resident's notices are checked here at any hour of Beijing's day.
        _deployment = await TestDeployment.Start(silos: 2, webHosts: 1,
            new() { ["HomeService:Sms:QuietStart"] = "00:00", ["HomeService:Sms:QuietEnd"] = "00:00" });

        _web = _deployment.WebHosts[0];
    }

    public async Task DisposeAsync() => await _deployment.DisposeAsync();

    public static object Order(string category, string district) => new
    {
        contactName = "王先生", contactPhone = "13612345678", category, address = $"{district}经三路 15 号 2 单元 601", district,
        windowStart = DateTimeOffset.UtcNow.AddHours(2), windowEnd = DateTimeOffset.UtcNow.AddHours(4), notes = "三室两厅",
    };

    [Fact]
    public async Task An_order_is_offered_to_the_best_merchant_accepted_assigned_and_served()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        await using var agentLive = await LiveClient.Connect(_web, agent);
        using var merchant1 = await WebSession.SignIn(_web, "merchant1");
        await using var merchantLive = await LiveClient.Connect(_web, merchant1);

        var created = await agent.Http.PostAsJsonAsync("/api/orders", Order("home-clean", "金水区"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var order = await created.Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = order.GetProperty("orderNo").GetString()!;
        Assert.Matches("^WO[0-9]{8}[0-9]{6}$", orderNo);
        Assert.Equal("Offered", order.GetProperty("status").GetString());
        Assert.Equal("M001", order.GetProperty("merchantId").GetString());

        // The offer also waits in the merchant's inbox and for the SMS gateway, without the customer's details.
        Assert.Equal(2L, await _deployment.Scalar<long>(
            "SELECT count(*) FROM notification_outbox WHERE recipient_kind = 'merchant' AND recipient_id = 'M001' AND template = 'order.offered' AND params->>'orderNo' = $1",
            orderNo));
        Assert.Equal(0L, await _deployment.Scalar<long>("SELECT count(*) FROM notification_outbox WHERE params::text LIKE '%13612345678%'"));

        // The merchant's portal hears of the offer live; until it accepts, the resident's phone is masked.
        var offered = await merchantLive.Next("order.updated", p => p.GetProperty("orderNo").GetString() == orderNo);
        Assert.Equal("Offered", offered.GetProperty("status").GetString());
        var list = await merchant1.Http.GetFromJsonAsync<JsonElement>("/api/merchant/orders");
        Assert.Equal("136****5678", list.EnumerateArray().Single(o => o.GetProperty("orderNo").GetString() == orderNo).GetProperty("phone").GetString());

        using var merchant2 = await WebSession.SignIn(_web, "merchant2");
        Assert.Equal(HttpStatusCode.Forbidden, (await merchant2.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).StatusCode);

        var accepted = await (await merchant1.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Accepted", "13612345678"), (accepted.GetProperty("status").GetString(), accepted.GetProperty("contactPhone").GetString()));
        await agentLive.Next("order.updated", p => p.GetProperty("orderNo").GetString() == orderNo && p.GetProperty("status").GetString() == "Accepted");

        Assert.Equal(HttpStatusCode.Forbidden, (await merchant1.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W004" })).StatusCode);
        var assigned = await merchant1.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" });
        Assert.Equal("WorkerAssigned", (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        using var worker = await WebSession.SignIn(_web, "worker1");
        var jobs = await worker.Http.GetFromJsonAsync<JsonElement>("/api/worker/jobs");
        Assert.Equal("13612345678", jobs.EnumerateArray().Single(j => j.GetProperty("orderNo").GetString() == orderNo).GetProperty("phone").GetString());
        foreach (var (step, status) in new[] { ("en-route", "EnRoute"), ("check-in", "InService"), ("check-out", "Completed") })
        {
            var response = await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null);
            Assert.Equal(status, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        }

        using var zh = new HttpRequestMessage(HttpMethod.Post, $"/api/worker/jobs/{orderNo}/check-in");
        zh.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var again = await worker.Http.SendAsync(zh);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("工单当前状态为“已完成”，不能执行此操作。", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        // The caller, who has no membership, heard of every step by SMS, once each; the worker got the job with its address.
        string[] steps = ["received", "accepted", "worker-assigned", "en-route", "completed"];
        IReadOnlyList<(string Template, string Text)> texts = [];
        await Eventually.True(async () => (texts = (await DevSmsInbox.Messages(_web, "13612345678")).Where(m => m.Text.Contains(orderNo)).Reverse().ToList())
            .Count == steps.Length, TimeSpan.FromSeconds(30), "the resident's five notices arrive");
        Assert.Equal(steps.Select(s => $"member.order.{s}"), texts.Select(t => t.Template));
        Assert.Contains("服务人员刘**", texts[2].Text);
        // The link is the worker's one-person-one-code page while they have a code, else the member center.
        var token = await _deployment.Scalar<string>("SELECT code_token FROM worker WHERE id = 'W001'");
        Assert.EndsWith(token is null ? "/member" : $"/w/{token}", texts[2].Text);
        var job = Assert.Single(await DevSmsInbox.Messages(_web, "13903710001"), m => m.Text.Contains(orderNo));
        Assert.Equal("worker.job-assigned", job.Template);
        Assert.Contains("金水区经三路 15 号 2 单元 601", job.Text);

        var explanation = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/dispatch");
        var decision = Assert.Single(explanation.EnumerateArray());
        Assert.Equal("M001", decision.GetProperty("chosen").GetString());
        Assert.Contains(decision.GetProperty("skipped").EnumerateArray(), s => s.GetProperty("merchantId").GetString() == "M002"
            && s.GetProperty("reason").GetString() == "district:金水区");
    }

    [Fact]
    public async Task A_refused_offer_with_nobody_left_waits_for_manual_dispatch_and_an_agent_overrides_with_a_reason()
    {
        using var agent = await WebSession.SignIn(_web, "agent2");
        await using var agentLive = await LiveClient.Connect(_web, agent);
        using var merchant2 = await WebSession.SignIn(_web, "merchant2");

        // Only M002 cleans homes in 二七区; it refuses, so the order goes to the manual dispatch queue with an alert.
        var order = await (await agent.Http.PostAsJsonAsync("/api/orders", Order("home-clean", "二七区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = order.GetProperty("orderNo").GetString()!;
        Assert.Equal("M002", order.GetProperty("merchantId").GetString());
        var refused = await merchant2.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/refuse", new { reason = "人手不足" });
        Assert.Equal("ManualDispatch", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await agentLive.Next("order.manual-dispatch", p => p.GetProperty("orderNo").GetString() == orderNo);

        // An override needs a reason and a merchant the center has (one that is not eligible may be chosen, audited:
        // ManualDispatchQueueTests walks that).
        var missingReason = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/dispatch", new { merchantId = "M002" });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        var unknown = await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/dispatch", new { merchantId = "M999", reason = "试试" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("merchantId", out _));
        var manual = await (await agent.Http.PostAsJsonAsync($"/api/orders/{orderNo}/dispatch", new { merchantId = "M002", reason = "客户指定该公司" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("Offered", "M002"), (manual.GetProperty("status").GetString(), manual.GetProperty("merchantId").GetString()));
        var decisions = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/dispatch");
        Assert.Equal([false, false, true], decisions.EnumerateArray().Select(d => d.GetProperty("manual").GetBoolean()));
    }

    [Fact]
    public async Task Agents_find_orders_by_filters_export_them_see_each_change_and_are_warned_of_duplicates()
    {
        using var agent = await WebSession.SignIn(_web, "agent3");
        var first = await (await agent.Http.PostAsJsonAsync("/api/orders", Order("home-clean", "金水区"))).Content.ReadFromJsonAsync<JsonElement>();
        var orderNo = first.GetProperty("orderNo").GetString()!;
        await agent.Http.PostAsJsonAsync("/api/orders", Order("appliance", "中原区"));

        var duplicates = await agent.Http.GetFromJsonAsync<JsonElement>(
            $"/api/orders/duplicates?phone=13612345678&category=home-clean&address={Uri.EscapeDataString("金水区经三路 15 号 2 单元 601")}");
        Assert.Contains(duplicates.EnumerateArray(), d => d.GetString() == orderNo);

        var cleaning = await agent.Http.GetFromJsonAsync<JsonElement>("/api/orders?category=home-clean&district=%E9%87%91%E6%B0%B4%E5%8C%BA&status=Offered");
        Assert.Contains(cleaning.GetProperty("items").EnumerateArray(), o => o.GetProperty("orderNo").GetString() == orderNo);
        Assert.All(cleaning.GetProperty("items").EnumerateArray(), o => Assert.Equal("home-clean", o.GetProperty("category").GetString()));
        var paged = await agent.Http.GetFromJsonAsync<JsonElement>("/api/orders?pageSize=1&page=2");
        Assert.Equal(1, paged.GetProperty("items").GetArrayLength());
        Assert.True(paged.GetProperty("total").GetInt32() >= 2);

        var csv = await agent.Http.GetAsync("/api/orders/export.csv?category=home-clean");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = System.Text.Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("\uFEFForder_no,kind,category,status", text);
        Assert.Contains(orderNo, text);

        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}/history");
        Assert.Equal(["OrderCreated", "OrderClassified", "OrderOffered"], history.EnumerateArray().Select(h => h.GetProperty("event").GetString()));
        Assert.Equal("agent3", history[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task Bad_orders_are_refused_with_every_field_named_and_nothing_is_created()
    {
        using var agent = await WebSession.SignIn(_web, "agent1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders")
        {
            Content = JsonContent.Create(new { contactPhone = "12345", category = "space-travel", address = "", district = "",
                windowStart = DateTimeOffset.UtcNow.AddHours(3), windowEnd = DateTimeOffset.UtcNow.AddHours(1) }),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");
        var response = await agent.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("联系电话的格式不正确。", errors.GetProperty("contactPhone")[0].GetString());
        Assert.Equal("服务类别不存在。", errors.GetProperty("category")[0].GetString());
        Assert.Equal("请填写服务地址。", errors.GetProperty("address")[0].GetString());
        Assert.Equal("期望时间段的结束时间须晚于开始时间。", errors.GetProperty("windowEnd")[0].GetString());

        using var resident = await WebSession.SignIn(_web, "resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Http.PostAsJsonAsync("/api/orders", Order("home-clean", "金水区"))).StatusCode);
    }
}
