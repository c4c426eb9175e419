using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;
using HomeService.Tests.Reliability;

namespace HomeService.Tests.CallCenter;

/// <summary>
/// Both silos a running IVR campaign started on are killed (SIGKILL) while its first call is in flight: the campaign
/// goes on from its events, the callee's key still reaches it, the next number is dialled, and both answers are kept.
/// </summary>
public sealed class CampaignFailoverTests
{
    // Once flaky (about one run in three): a hand-over to the call grain or the call's one-way report was lost with a
    // killed silo, and the quiet-call check then settled the call as a switch error. Both are now repeated until confirmed.
    [Fact]
    public async Task A_running_campaign_survives_its_silos_being_killed_and_keeps_every_answer()
    {
        // A call's report to its campaign can be lost with a killed silo (a one-way message): the campaign then asks the
        // quiet call itself, here after 10 s instead of 2 minutes.
        await using var deployment = await TestDeployment.Create(new()
        {
            ["HomeService:Campaigns:TickEvery"] = "00:00:01",
            ["HomeService:Campaigns:QuietCallAfter"] = "00:00:10",
        });
        await using var first = await SiloProcess.Start(deployment);
        await using var second = await SiloProcess.Start(deployment);
        var web = await deployment.StartWeb();
        using var supervisor = await WebSession.SignIn(web, "supervisor");
        using var cti = new SwitchClient(web);

        var created = await supervisor.Http.PostAsJsonAsync("/api/campaigns", new
        {
            name = "停电通知", kind = "notice", prompt = "明日小区检修停电，知悉请按1。", numbers = new[] { "13655550031", "13655550032" },
            pacing = 1, retryAfterMinutes = 30, maxAttempts = 1, allowedFrom = "00:00", allowedTo = "00:00",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var campaignId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("campaignId").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.PostAsync($"/api/campaigns/{campaignId}/start", null)).StatusCode);
        var call1 = await NthCall(deployment, campaignId, 1);

        // Whichever silo held the campaign and its call, it crashes: kill one, start a fresh one, kill the other.
        first.Kill();
        await using var third = await SiloProcess.Start(deployment);
        second.Kill();

        // The switch (a real one outlives our silos) reports the answer and the key; events may be refused while the
        // cluster notices the dead silos, and the switch retries them, as the contract asks.
        await Delivered(cti, $"/api/cti/calls/{call1}/answered", new { seat = (string?)null }, "answered");
        await Delivered(cti, $"/api/cti/calls/{call1}/dtmf", new { digits = "1" }, "dtmf-1");

        var call2 = await NthCall(deployment, campaignId, 2);
        await Delivered(cti, $"/api/cti/calls/{call2}/answered", new { seat = (string?)null }, "answered");
        await Delivered(cti, $"/api/cti/calls/{call2}/dtmf", new { digits = "1" }, "dtmf-1");

        await Eventually.True(async () =>
            (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("status").GetString() == "Finished",
            TimeSpan.FromSeconds(60), "the campaign finishes");
        var targets = (await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/campaigns/{campaignId}")).GetProperty("targets").EnumerateArray()
            .Select(t => (t.GetProperty("number").GetString(), t.GetProperty("result").GetString(), t.GetProperty("digits").GetString(), t.GetProperty("attempts").GetInt32()))
            .ToList();
        Assert.Equal([("136****0031", "answered", "1", 1), ("136****0032", "answered", "1", 1)], targets);
        Assert.Equal(2L, await deployment.Scalar<long>(
            "SELECT count(*) FROM ivr_campaign_target WHERE campaign_id = $1 AND result = 'answered' AND digits = '1'", campaignId));
    }

    /// <summary>The id of the call the campaign placed to its nth number, as the campaign recorded it.</summary>
    private static async Task<string> NthCall(TestDeployment deployment, string campaignId, int nth)
    {
        string? callId = null;
        await Eventually.True(async () => (callId = await deployment.Scalar<string>(
                "SELECT last_call_id FROM ivr_campaign_target WHERE campaign_id = $1 ORDER BY target_no OFFSET $2 LIMIT 1", campaignId, (long)(nth - 1))) is not null,
            // Up to the reminder's minute for a campaign whose silo died with no message left to wake it, then the quiet-call check.
            TimeSpan.FromMinutes(3), $"the campaign's call {nth} is placed");
        return callId!;
    }

    private static Task Delivered(SwitchClient cti, string path, object body, string key) =>
        Eventually.True(async () =>
        {
            using var response = await cti.Send(path, body, $"{path}:{key}");
            return response.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), $"{path} is taken");
}
