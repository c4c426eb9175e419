using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.CallCenter;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.BackOffice;

/// <summary>
/// Changing the call center's configuration never breaks the live center: a queue renamed and reconfigured from the back
/// office while 20 agents are logged in and 5 callers wait keeps every agent and every caller, and all five are answered.
/// (FusionPBX loses a renamed queue's agents; a FreeSWITCH reload logs agents out.)
/// </summary>
public sealed class LiveQueueChangeTests
{
    private const int Agents = 20;
    private const int Callers = 5;

    [Fact]
    public async Task A_queue_renamed_and_reconfigured_with_20_agents_on_and_5_callers_waiting_keeps_them_all_and_answers_every_caller()
    {
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 1);
        using var admin = await WebSession.SignIn(deployment.WebHosts[0], "admin");
        var grains = deployment.Silos[0].Grains;

        // Twenty seats made on the back office, all able to take complaints, logged in and on a break.
        var seats = Enumerable.Range(1, Agents).Select(i => $"R{i:00}").ToList();
        for (var i = 0; i < Agents; i++)
        {
            var created = await admin.Http.PostAsJsonAsync("/api/admin/call-center/seats",
                new { agentId = seats[i], name = $"投诉座席{i + 1}", extension = $"{7100 + i}", skills = new Dictionary<string, int> { ["complaint"] = 3 } });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }
        foreach (var id in seats)
        {
            Assert.True((await grains.GetGrain<IAgentGrain>(id).Login()).Succeeded);
            Assert.True((await grains.GetGrain<IAgentGrain>(id).NotReady("break")).Succeeded);
        }

        // Five callers choose complaints (3) and wait: nobody is ready.
        var calls = Enumerable.Range(1, Callers).Select(i => $"reno-{Guid.NewGuid():N}"[..20]).ToList();
        foreach (var id in calls)
            await grains.GetGrain<ICallGrain>(id).Offered(new CtiCallOffered($"offer-{id}", $"1391234{Random.Shared.Next(1000, 9999)}", "037112345", "T1", "3"));
        await Eventually.True(async () => (await grains.GetGrain<IQueueGrain>("complaint").GetView()).Waiting == Callers, TimeSpan.FromSeconds(20),
            "five callers wait in the complaints queue");

        // The admin renames the queue and changes its settings, as the back office page does.
        var changed = await admin.Http.PutAsJsonAsync("/api/admin/call-center/queues/complaint", new
        {
            nameZh = "投诉与建议", nameEn = "Complaints and suggestions", strategy = "round-robin", ringTimeoutSeconds = 40, wrapUpSeconds = 0,
            maxWaitSeconds = 1800, tiers = new[] { new { afterSeconds = 0, skill = "complaint", minProficiency = 1 } },
        });
        Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
        var directory = grains.GetGrain<ICallCenterDirectoryGrain>(0);
        Assert.Equal("投诉与建议", (await directory.GetQueue("complaint"))!.NameZh);

        // Nobody left: every agent is still logged in, every caller still waits.
        var views = await Task.WhenAll(seats.Select(id => grains.GetGrain<IAgentGrain>(id).Get()));
        Assert.All(views, v => Assert.Equal(AgentStatus.NotReady, v.Status));
        var queue = await grains.GetGrain<IQueueGrain>("complaint").GetView();
        Assert.Equal(Callers, queue.Waiting);
        Assert.True(queue.AgentsStaffed >= Agents, $"{queue.AgentsStaffed} agents staffed after the change");

        // Agents get ready and answer what rings: all five callers are answered, none is lost.
        var answered = new HashSet<string>();
        foreach (var id in seats) await grains.GetGrain<IAgentGrain>(id).Ready();
        await Eventually.True(async () =>
        {
            foreach (var id in seats)
            {
                var view = await grains.GetGrain<IAgentGrain>(id).Get();
                if (view is { Status: AgentStatus.Ringing, CallId: { } callId } && (await grains.GetGrain<ICallGrain>(callId).Accept(id)).Succeeded)
                    answered.Add(callId);
            }
            return answered.Count == Callers;
        }, TimeSpan.FromSeconds(60), "every waiting caller is answered");
        Assert.Equal(calls.Order(), answered.Order());
        foreach (var id in calls) Assert.Equal(CallStatus.Connected, (await grains.GetGrain<ICallGrain>(id).Get()).Status);

        // The change is a version in the history and the audit log, with the names before and after.
        var versions = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/call-center/queues/complaint/versions");
        Assert.Equal("投诉与建议", versions[0].GetProperty("config").GetProperty("nameZh").GetString());
        var audit = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=queue.update&q=complaint");
        var line = audit.GetProperty("items")[0];
        Assert.DoesNotContain("投诉与建议", line.GetProperty("before").GetString());
        Assert.Contains("投诉与建议", line.GetProperty("after").GetString());
    }

    [Fact]
    public async Task A_seat_given_a_new_skill_joins_that_queue_at_once_and_a_reverted_queue_has_its_old_settings_again()
    {
        await using var deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        using var admin = await WebSession.SignIn(deployment.WebHosts[0], "admin");
        var grains = deployment.Silos[0].Grains;

        var created = await admin.Http.PostAsJsonAsync("/api/admin/call-center/queues", new
        {
            queueId = "elder-care", nameZh = "养老咨询", nameEn = "Elder care", tiers = new[] { new { afterSeconds = 0, skill = "elder", minProficiency = 2 } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var seat = await admin.Http.PostAsJsonAsync("/api/admin/call-center/seats",
            new { agentId = "E01", name = "养老座席", extension = "7301", skills = new Dictionary<string, int> { ["service"] = 3 } });
        Assert.True(seat.IsSuccessStatusCode);
        await grains.GetGrain<IAgentGrain>("E01").Login();
        await grains.GetGrain<IAgentGrain>("E01").Ready();
        Assert.Equal(0, (await grains.GetGrain<IQueueGrain>("elder-care").GetView()).AgentsStaffed);

        var skilled = await admin.Http.PutAsJsonAsync("/api/admin/call-center/seats/E01",
            new { name = "养老座席", extension = "7301", skills = new Dictionary<string, int> { ["service"] = 3, ["elder"] = 4 } });
        Assert.True(skilled.IsSuccessStatusCode);
        Assert.Equal(1, (await grains.GetGrain<IQueueGrain>("elder-care").GetView()).AgentsAvailable);
        Assert.Equal(AgentStatus.Available, (await grains.GetGrain<IAgentGrain>("E01").Get()).Status);

        Assert.True((await admin.Http.PutAsJsonAsync("/api/admin/call-center/queues/elder-care", new { nameZh = "居家养老", ringTimeoutSeconds = 45 })).IsSuccessStatusCode);
        var reverted = await admin.Http.PostAsJsonAsync("/api/admin/call-center/queues/elder-care/revert", new { version = 1 });
        Assert.Equal(HttpStatusCode.OK, reverted.StatusCode);
        var config = (await grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueue("elder-care"))!;
        Assert.Equal(("养老咨询", 20), (config.NameZh, config.RingTimeoutSeconds));
        var versions = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/call-center/queues/elder-care/versions");
        Assert.Equal(3, versions.GetArrayLength());
        Assert.Equal("QueueReverted", versions[0].GetProperty("change").GetString());

        var duplicate = await admin.Http.PostAsJsonAsync("/api/admin/call-center/seats",
            new { agentId = "E02", name = "重复分机", extension = "7301", skills = new Dictionary<string, int> { ["service"] = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.True((await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("extension", out _));
    }
}
