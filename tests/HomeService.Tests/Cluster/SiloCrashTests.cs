using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Cluster;

/// <summary>Silos as real processes killed with SIGKILL: the cluster keeps serving and loses nothing it acknowledged.</summary>
public sealed class SiloCrashTests
{
    [Fact]
    public async Task Killing_a_silo_leaves_the_cluster_serving_and_acknowledged_broadcasts_survive()
    {
        await using var deployment = await TestDeployment.Create();
        await using var first = await SiloProcess.Start(deployment);
        await using var second = await SiloProcess.Start(deployment);
        var web = await deployment.StartWeb();
        await Eventually.True(async () => (await new HttpClient { BaseAddress = web.BaseAddress }.GetAsync("/readyz")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the web host reaches the cluster");

        using var supervisor = await WebSession.SignIn(web, "supervisor");
        var acknowledged = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var text = $"交班提醒 {i}";
            Assert.Equal(HttpStatusCode.Created, (await supervisor.Http.PostAsJsonAsync("/api/broadcasts", new { text, minutes = 60 })).StatusCode);
            acknowledged.Add(text);
        }

        // Kill one silo, then the other (with a fresh one started in between), so whichever silo held the board
        // has crashed once; each time the cluster must serve again with everything acknowledged.
        first.Kill();
        await AssertServing(supervisor, acknowledged, "after the first crash");
        await using var third = await SiloProcess.Start(deployment);
        second.Kill();
        await AssertServing(supervisor, acknowledged, "after the second crash");
    }

    private static async Task AssertServing(WebSession supervisor, List<string> acknowledged, string when)
    {
        var text = $"故障后继续服务（{when}）";
        await Eventually.True(async () =>
            (await supervisor.Http.PostAsJsonAsync("/api/broadcasts", new { text, minutes = 60 })).StatusCode == HttpStatusCode.Created,
            TimeSpan.FromSeconds(60), $"the cluster serves commands {when}");
        acknowledged.Add(text);

        var active = await supervisor.Http.GetFromJsonAsync<JsonElement>("/api/broadcasts");
        var texts = active.EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.All(acknowledged, t => Assert.Contains(t, texts));
    }
}
