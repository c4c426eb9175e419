using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Members;

/// <summary>
/// The member center's orders (会员自助管理): the resident lists their own orders and opens one with its timeline and
/// masked worker, follows it live, cancels and reschedules their own, and cannot see or touch another member's (404).
/// After the service they rate it with stars and tags once; a second rating does not count.
/// </summary>
public sealed class MemberOrderTests(MemberOrderTests.Deployment fixture) : IClassFixture<MemberOrderTests.Deployment>
{
    public sealed class Deployment : IAsyncLifetime
    {
        public TestDeployment Running { get; private set; } = null!;
        public async Task InitializeAsync() => Running = await TestDeployment.Start(silos: 1, webHosts: 1);
        public async Task DisposeAsync() => await Running.DisposeAsync();
    }

    private RunningWeb Web => fixture.Running.WebHosts[0];

    private async Task<string> Order(WebSession agent, string memberId, string phone, int hoursAhead)
    {
        var start = DateTimeOffset.UtcNow.AddHours(hoursAhead);
        var created = await agent.Http.PostAsJsonAsync("/api/orders", new
        {
            memberId, contactName = "张女士", contactPhone = phone, category = "hourly", address = "金水区花园路 8 号院", district = "金水区",
            windowStart = start, windowEnd = start.AddHours(2), notes = "客户说家里有狗，内部备注",
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;
    }

    private static async Task<string> OfferedTo(WebSession agent, string orderNo)
    {
        string? merchant = null;
        await Eventually.True(async () => (merchant = (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{orderNo}"))
            .GetProperty("merchantId").GetString()) is not null, TimeSpan.FromSeconds(10), "offered to a merchant");
        return merchant!;
    }

    private static string[] Steps(JsonElement detail) => detail.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("key").GetString()!).ToArray();

    [Fact]
    public async Task A_member_follows_cancels_and_reschedules_their_own_orders_and_cannot_see_or_touch_anothers()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        using var resident = await WebSession.SignIn(Web, "resident");
        await using var live = await LiveClient.Connect(Web, resident);
        var mine = await Order(agent, "R0001", "13800138000", 3);
        var toCancel = await Order(agent, "R0001", "13800138000", 5);
        var theirs = await Order(agent, "R0002", "13700137000", 4);

        var list = (await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/orders")).EnumerateArray().Select(o => o.GetProperty("orderNo").GetString()).ToList();
        Assert.Contains(mine, list);
        Assert.Contains(toCancel, list);
        Assert.Contains("WO20261118002", list); // the seeded order of R0001
        Assert.DoesNotContain(theirs, list);
        Assert.DoesNotContain("WO20261115004", list); // R0002's seeded order

        // The merchant accepts: the member hears it live, with no internal notes in what is pushed.
        Assert.Equal("M001", await OfferedTo(agent, mine));
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{mine}/accept", null)).IsSuccessStatusCode);
        var pushed = await live.Next("order.updated", p => p.GetProperty("orderNo").GetString() == mine && p.GetProperty("status").GetString() == "Accepted");
        Assert.Equal(JsonValueKind.Null, pushed.GetProperty("notes").ValueKind);
        Assert.DoesNotContain(pushed.EnumerateObject(), p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString()!.Contains("内部备注"));
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{mine}/assign", new { workerId = "W001" })).IsSuccessStatusCode);
        var code = (await (await merchant.Http.PostAsync("/api/merchant/workers/W001/code", null)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("codeToken").GetString()!;
        Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{mine}/en-route", null)).IsSuccessStatusCode);

        var detail = await resident.Http.GetFromJsonAsync<JsonElement>($"/api/member/orders/{mine}");
        Assert.Equal("EnRoute", detail.GetProperty("order").GetProperty("status").GetString());
        Assert.Equal(new[] { "created", "dispatching", "accepted", "worker-assigned", "en-route" }, Steps(detail));
        Assert.Equal("郑州安心家政服务有限公司", detail.GetProperty("order").GetProperty("merchantName").GetString());
        Assert.Equal("刘**", detail.GetProperty("worker").GetProperty("maskedName").GetString());
        Assert.Equal($"/w/{code}", detail.GetProperty("worker").GetProperty("codeUrl").GetString());
        Assert.DoesNotContain("内部备注", detail.GetRawText());
        Assert.True(detail.GetProperty("canCancel").GetBoolean());
        Assert.False(detail.GetProperty("canRate").GetBoolean());

        // The page shows the orders without JavaScript: number, status and company.
        var page = await resident.Http.GetStringAsync("/member");
        Assert.Contains(mine, page);
        Assert.Contains("服务人员在途", page);
        Assert.Contains("郑州安心家政服务有限公司", page);
        Assert.DoesNotContain(theirs, page);

        // Reschedule: the new window shows, and the timeline says so.
        var newStart = DateTimeOffset.UtcNow.AddDays(2);
        var moved = await resident.Http.PostAsJsonAsync($"/api/member/orders/{mine}/reschedule", new { windowStart = newStart, windowEnd = newStart.AddHours(3) });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        detail = await resident.Http.GetFromJsonAsync<JsonElement>($"/api/member/orders/{mine}");
        Assert.Equal(newStart.AddHours(3).ToUnixTimeSeconds(), detail.GetProperty("order").GetProperty("windowEnd").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal("rescheduled", Steps(detail)[^1]);
        var backwards = await resident.Http.PostAsJsonAsync($"/api/member/orders/{mine}/reschedule", new { windowStart = newStart, windowEnd = newStart.AddHours(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);

        // Cancel: done once; a second time the order's state refuses it.
        var cancelled = await resident.Http.PostAsJsonAsync($"/api/member/orders/{toCancel}/cancel", new { reason = "临时出差" });
        Assert.True(cancelled.IsSuccessStatusCode, await cancelled.Content.ReadAsStringAsync());
        Assert.Equal("Cancelled", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        detail = await resident.Http.GetFromJsonAsync<JsonElement>($"/api/member/orders/{toCancel}");
        Assert.Equal("cancelled", Steps(detail)[^1]);
        Assert.False(detail.GetProperty("canCancel").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await resident.Http.PostAsJsonAsync($"/api/member/orders/{toCancel}/cancel", new { reason = "再取消" })).StatusCode);

        // Another member's order does not exist for this one, whatever is asked of it, and nothing happens to it.
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync($"/api/member/orders/{theirs}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.GetAsync("/api/member/orders/WO20261115004")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.PostAsJsonAsync($"/api/member/orders/{theirs}/cancel", new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.PostAsJsonAsync($"/api/member/orders/{theirs}/reschedule",
            new { windowStart = newStart, windowEnd = newStart.AddHours(2) })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await resident.Http.PostAsJsonAsync("/api/member/orders/WO20261115004/rating", new { score = 1 })).StatusCode);
        Assert.NotEqual("Cancelled", (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/orders/{theirs}")).GetProperty("status").GetString());

        // Cancelling while the worker is on the way is still the member's call; the worker sees the job gone.
        Assert.True((await resident.Http.PostAsJsonAsync($"/api/member/orders/{mine}/cancel", new { reason = "" })).IsSuccessStatusCode);
        Assert.DoesNotContain(mine, await worker.Http.GetStringAsync("/api/worker/jobs"));
    }

    [Fact]
    public async Task After_the_service_a_member_rates_it_with_stars_and_tags_once_and_a_second_rating_does_not_count()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var worker = await WebSession.SignIn(Web, "worker1");
        using var resident = await WebSession.SignIn(Web, "resident");
        var orderNo = await Order(agent, "R0001", "13800138000", 1);
        Assert.Equal("M001", await OfferedTo(agent, orderNo));
        Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        Assert.True((await merchant.Http.PostAsJsonAsync($"/api/merchant/orders/{orderNo}/assign", new { workerId = "W001" })).IsSuccessStatusCode);

        // Not before the service is done.
        Assert.Equal(HttpStatusCode.Conflict, (await resident.Http.PostAsJsonAsync($"/api/member/orders/{orderNo}/rating", new { score = 5 })).StatusCode);
        foreach (var step in new[] { "check-in", "check-out" })
            Assert.True((await worker.Http.PostAsync($"/api/worker/jobs/{orderNo}/{step}", null)).IsSuccessStatusCode, step);
        var detail = await resident.Http.GetFromJsonAsync<JsonElement>($"/api/member/orders/{orderNo}");
        Assert.True(detail.GetProperty("canRate").GetBoolean());
        Assert.False(detail.GetProperty("canCancel").GetBoolean());
        Assert.Equal("completed", Steps(detail)[^1]);

        var unknownTag = await resident.Http.PostAsJsonAsync($"/api/member/orders/{orderNo}/rating", new { score = 4, tags = new[] { "cheap" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownTag.StatusCode);
        Assert.Contains("评价标签", await unknownTag.Content.ReadAsStringAsync());

        var rated = await resident.Http.PostAsJsonAsync($"/api/member/orders/{orderNo}/rating",
            new { score = 4, tags = new[] { "on-time", "professional" }, comment = "准时到，做得很仔细" });
        Assert.True(rated.IsSuccessStatusCode, await rated.Content.ReadAsStringAsync());
        var again = await resident.Http.PostAsJsonAsync($"/api/member/orders/{orderNo}/rating", new { score = 1, tags = new[] { "unsatisfied" } });
        Assert.True(again.IsSuccessStatusCode, await again.Content.ReadAsStringAsync());

        detail = await resident.Http.GetFromJsonAsync<JsonElement>($"/api/member/orders/{orderNo}");
        var rating = detail.GetProperty("rating");
        Assert.Equal(4, rating.GetProperty("stars").GetInt32());
        Assert.Equal(new[] { "on-time", "professional" }, rating.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToArray());
        Assert.Equal("准时到，做得很仔细", rating.GetProperty("comment").GetString());
        Assert.False(detail.GetProperty("canRate").GetBoolean());
        Assert.Single(Steps(detail), "rated");
        Assert.Equal(4, await fixture.Running.Scalar<int>("SELECT stars FROM service_review WHERE order_no = $1", orderNo));
        Assert.Equal("on-time,professional", await fixture.Running.Scalar<string>("SELECT array_to_string(tags, ',') FROM service_review WHERE order_no = $1", orderNo));
    }

    [Fact]
    public async Task A_member_hears_of_their_orders_steps_in_their_inbox_live_and_marks_them_read()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var resident = await WebSession.SignIn(Web, "resident");
        await using var live = await LiveClient.Connect(Web, resident);
        var mine = await Order(agent, "R0001", "13800138000", 6);
        var theirs = await Order(agent, "R0002", "13700137000", 6);
        foreach (var orderNo in new[] { mine, theirs })
        {
            Assert.Equal("M001", await OfferedTo(agent, orderNo));
            Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);
        }

        await fixture.Running.Silos[0].Grains.GetGrain<HomeService.Notifications.IInboxRelayGrain>(0).Relay();
        var pushed = await live.Next("notification.new", p => p.GetProperty("template").GetString() == "member.order.accepted"
            && p.GetProperty("parameters").GetProperty("orderNo").GetString() == mine);
        var id = pushed.GetProperty("id").GetGuid();
        var unread = await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/notifications?unread=true");
        Assert.Contains(unread.EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
        // Another member's order is not in this inbox, and neither is anything meant for the merchant.
        var all = (await resident.Http.GetStringAsync("/api/member/notifications"));
        Assert.DoesNotContain(theirs, all);
        Assert.DoesNotContain("order.offered", all);
        Assert.Contains($"您的订单 {mine} 已由商户接单。", await resident.Http.GetStringAsync("/member"));

        var marked = await resident.Http.PostAsJsonAsync("/api/member/notifications/read", new { ids = new[] { id } });
        Assert.Equal(1, (await marked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("marked").GetInt32());
        Assert.DoesNotContain((await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/notifications?unread=true")).EnumerateArray(),
            n => n.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task A_member_who_prefers_sms_to_the_inbox_hears_of_their_order_by_sms_only()
    {
        using var agent = await WebSession.SignIn(Web, "agent1");
        using var merchant = await WebSession.SignIn(Web, "merchant1");
        using var resident = await WebSession.SignIn(Web, "resident");
        var profile = await resident.Http.GetFromJsonAsync<JsonElement>("/api/member/profile");
        async Task Prefer(bool sms, bool inApp)
        {
            var saved = await resident.Http.PutAsJsonAsync("/api/member/profile", new
            {
                name = profile.GetProperty("name").GetString(),
                // The center's older record of her address has no district; the profile asks for one.
                addresses = profile.GetProperty("addresses").EnumerateArray().Select(a => new
                {
                    label = a.GetProperty("label").GetString(), address = a.GetProperty("address").GetString(),
                    district = a.GetProperty("district").GetString() is { Length: > 0 } d ? d : "金水区",
                }),
                preferences = new { sms, inApp },
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        await Prefer(sms: true, inApp: false);
        try
        {
            var orderNo = await Order(agent, "R0001", "13800138000", 7);
            Assert.Equal("M001", await OfferedTo(agent, orderNo));
            Assert.True((await merchant.Http.PostAsync($"/api/merchant/orders/{orderNo}/accept", null)).IsSuccessStatusCode);

            Assert.Equal("13800138000", await fixture.Running.Scalar<string>("""
                SELECT recipient_id FROM notification_outbox WHERE channel = 'sms' AND template = 'member.order.accepted' AND params->>'orderNo' = $1
                """, orderNo));
            Assert.Equal(0L, await fixture.Running.Scalar<long>("""
                SELECT count(*) FROM notification_outbox WHERE channel = 'in-app' AND recipient_kind = 'member' AND params->>'orderNo' = $1
                """, orderNo));
            Assert.DoesNotContain(orderNo, await resident.Http.GetStringAsync("/api/member/notifications"));
        }
        finally
        {
            await Prefer(sms: true, inApp: true);
        }
    }
}
