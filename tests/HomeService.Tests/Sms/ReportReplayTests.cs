using System.Net;
using System.Net.Http.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Sms;

/// <summary>
/// Two hundred notices go out through Alibaba Cloud; its report feed is replayed with one report in ten pushed twice and
/// one in twenty never pushed. The silent ones are asked for by the status query. Every message ends in exactly one
/// final state, the one the carrier gave, and the counts by state equal the truth.
/// </summary>
public sealed class ReportReplayTests
{
    private const int Messages = 200;

    [Fact]
    public async Task A_feed_with_duplicates_and_lost_reports_ends_with_every_message_in_its_one_true_final_state()
    {
        await using var providers = await LocalSmsProviders.Start();
        var settings = LocalSmsProviders.ChasingSoon(providers);
        settings["HomeService:Sms:QueryAfter"] = "00:00:03"; // a little after the feed below has been pushed
        settings["HomeService:Sms:QueryEvery"] = "00:00:02";
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 1, settings);
        // One carrier outcome in ten is a failure (an empty number, say).
        providers.Aliyun.Delivers = m => !m.Phone.EndsWith('7');

        // The notices, as the events that owe them write them.
        await deployment.Sql("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'sms', 'phone', '1391234' || lpad(n::text, 4, '0'), 'member.order.accepted',
                   jsonb_build_object('orderNo', 'WO2026120600' || lpad(n::text, 4, '0'), 'category', 'home-clean', 'windowStart', '2026-12-07T06:00:00+00:00'),
                   'replay:' || n
            FROM generate_series(0, 199) n
            """);
        await Eventually.True(() => Task.FromResult(providers.Aliyun.Messages.Count(m => m.Phone.StartsWith("1391234")) == Messages),
            TimeSpan.FromSeconds(60), "every notice reaches the provider");
        Assert.Equal(Messages, providers.Aliyun.Messages.Where(m => m.Phone.StartsWith("1391234")).Select(m => m.OutId).Distinct().Count());
        await Eventually.True(async () => await deployment.Scalar<long>("SELECT count(*) FROM sms_message WHERE phone LIKE '1391234%' AND state = 'sent'") == Messages,
            TimeSpan.FromSeconds(30), "every notice is recorded as sent");

        var sent = providers.Aliyun.Messages.Where(m => m.Phone.StartsWith("1391234")).ToList();
        var random = new Random(20261206);
        var feed = sent.Where((_, i) => i % 20 != 3).ToList();               // 5 % never reported
        feed.AddRange(feed.Where((_, i) => i % 10 == 1).ToList());            // 10 % reported twice
        feed = feed.OrderBy(_ => random.Next()).ToList();
        var http = WebSession.Anonymous(deployment.WebHosts[0]).Http;
        foreach (var chunk in feed.Chunk(25))
        {
            var pushed = await http.PostAsJsonAsync($"/api/sms/providers/aliyun/reports/{LocalSmsProviders.CallbackToken}", providers.Aliyun.Reports(chunk));
            Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);
        }

        await Eventually.True(async () => await deployment.Scalar<long>("SELECT count(*) FROM sms_message WHERE phone LIKE '1391234%' AND state = 'sent'") == 0,
            TimeSpan.FromSeconds(60), "the silent ones are settled by the status query");
        var truth = sent.ToDictionary(m => Guid.ParseExact(m.OutId!, "N"), m => providers.Aliyun.Delivers(m) ? "delivered" : "failed");
        await using var conn = new Npgsql.NpgsqlConnection(deployment.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("SELECT outbox_id, state FROM sms_message WHERE phone LIKE '1391234%'", conn);
        var states = new Dictionary<Guid, string>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) states.Add(r.GetGuid(0), r.GetString(1));
        Assert.Equal(truth.OrderBy(t => t.Key), states.OrderBy(s => s.Key));
        Assert.Equal(truth.Values.Count(v => v == "failed"),
            await deployment.Scalar<long>("SELECT count(*) FROM sms_message WHERE phone LIKE '1391234%' AND state = 'failed'"));
        Assert.Equal(20, truth.Values.Count(v => v == "failed"));

        // The SMS log's daily counts say the same.
        using var admin = await WebSession.SignIn(deployment.WebHosts[0], "admin");
        var daily = await admin.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/admin/sms/daily");
        var rows = daily.EnumerateArray().Where(d => d.GetProperty("template").GetString() == "member.order.accepted" && d.GetProperty("provider").GetString() == "aliyun")
            .ToList(); // one day's row, or two if the run straddles Beijing midnight
        long Sum(string field) => rows.Sum(r => r.GetProperty(field).GetInt64());
        Assert.Equal((200L, 180L, 20L, 0L, 0L, 200L), (Sum("messages"), Sum("delivered"), Sum("failed"), Sum("unknown"), Sum("pending"), Sum("segments")));
    }
}
