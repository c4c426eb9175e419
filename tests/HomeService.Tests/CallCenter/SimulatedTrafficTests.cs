using HomeService.CallCenter;
using HomeService.Telephony;
using HomeService.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HomeService.Tests.CallCenter;

/// <summary>Scripted callers through the real telephony API: every call is answered or abandoned, none is lost.</summary>
public sealed class SimulatedTrafficTests
{
    [Fact]
    public async Task Scripted_callers_are_all_answered_or_abandoned_and_accounted_for()
    {
        await using var deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        await deployment.Sql("UPDATE call_queue SET wrap_up_seconds = 0");
        var grains = deployment.Silos[0].Grains;
        foreach (var agent in new[] { "A001", "A002", "A003", "A004" })
        {
            await grains.GetGrain<IAgentGrain>(agent).Login();
            await grains.GetGrain<IAgentGrain>(agent).Ready();
        }

        using var platform = new HttpClient { BaseAddress = deployment.WebHosts[0].BaseAddress };
        platform.DefaultRequestHeaders.Add("X-Api-Key", TestDeployment.TelephonyKey);
        var simulator = new SimulatedCallers(deployment.Silos[0].App.Services.GetRequiredService<SimulatedSwitch>(), platform,
            NullLogger<SimulatedCallers>.Instance) { AutoAnswer = TimeSpan.FromMilliseconds(100) };
        var profile = new CallerProfile(10, TimeSpan.FromSeconds(3), new Dictionary<string, int> { ["2"] = 3, ["3"] = 1 },
            TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(300));
        var script = CallerScript.Generate(profile, seed: 42, runId: "sim");
        await simulator.Run(script, new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token);

        Assert.Equal(script.Count, simulator.Offered);
        Assert.Equal(script.Count, simulator.Connected + simulator.Abandoned);
        Assert.True(simulator.Connected > 0);

        await using var db = new NpgsqlConnection(deployment.ConnectionString);
        await db.OpenAsync();
        await Eventually.True(async () =>
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM call_record WHERE call_id LIKE 'sim-%' AND status = 'Ended'", db);
            return (long)(await cmd.ExecuteScalarAsync())! == script.Count;
        }, TimeSpan.FromSeconds(20), "every scripted call ended on the platform");
        foreach (var agent in new[] { "A001", "A002", "A003", "A004" })
            Assert.NotEqual(AgentStatus.OnCall, (await grains.GetGrain<IAgentGrain>(agent).Get()).Status);
    }
}
