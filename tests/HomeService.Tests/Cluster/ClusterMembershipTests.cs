using HomeService.Broadcasts;
using HomeService.Tests.Infrastructure;
using Npgsql;

namespace HomeService.Tests.Cluster;

/// <summary>The ADO.NET providers on our own schema, through real silos: membership, state and reminders.</summary>
public sealed class ClusterMembershipTests
{
    [Fact]
    public async Task Two_silos_join_one_cluster_and_see_each_other()
    {
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 0);
        foreach (var silo in deployment.Silos)
        {
            var hosts = await silo.Grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            Assert.Equal(2, hosts.Count);
            Assert.Contains(hosts.Keys, h => h.Endpoint.Port == silo.SiloPort);
        }
        Assert.Equal(2, await Scalar<long>(deployment, "SELECT count(*) FROM orleans_membership WHERE status = 3"));
    }

    [Fact]
    public async Task A_stopped_silo_is_marked_dead_and_cleaned_out_when_membership_next_changes()
    {
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 0, new() { ["HomeService:Cluster:DefunctSiloExpiration"] = "00:00:03" });
        var leaving = deployment.Silos[1];
        await deployment.StopSilo(leaving);

        // Dead (6); or already gone, when stopping took longer than the 3 s expiry on a loaded machine and a membership
        // change cleaned the row out meanwhile.
        var status = await Scalar<int?>(deployment, $"SELECT status FROM orleans_membership WHERE port = {leaving.SiloPort}");
        Assert.True(status is 6 or null, $"the stopped silo's row says {status}");
        var survivor = deployment.Silos[0].Grains.GetGrain<IManagementGrain>(0);
        Assert.Single(await survivor.GetHosts(onlyActive: true));

        // Orleans cleans up when membership next changes, removing dead rows older than the expiry (3 s here).
        await Task.Delay(TimeSpan.FromSeconds(4));
        await deployment.StartSilo();
        await Eventually.True(async () => await Scalar<long>(deployment, $"SELECT count(*) FROM orleans_membership WHERE port = {leaving.SiloPort}") == 0,
            TimeSpan.FromSeconds(30), "the dead silo's row is cleaned up");
        Assert.Equal(2, await Scalar<long>(deployment, "SELECT count(*) FROM orleans_membership WHERE status = 3"));
    }

    [Fact]
    public async Task Grain_state_survives_a_restart_of_the_whole_cluster()
    {
        await using var deployment = await TestDeployment.Start(silos: 2, webHosts: 0);
        var posted = await deployment.Silos[0].Grains.GetGrain<IBroadcastBoardGrain>(0)
            .Post(new PostBroadcast("系统将于今晚 22:00 维护", 120, "班长"));
        Assert.True(posted.Succeeded);

        foreach (var silo in deployment.Silos.ToList()) await deployment.StopSilo(silo);
        Assert.Empty(deployment.Silos);

        var fresh = await deployment.StartSilo();
        var active = await fresh.Grains.GetGrain<IBroadcastBoardGrain>(0).GetActive();
        var survived = Assert.Single(active, b => b.Id == posted.Value!.Id);
        Assert.Equal("系统将于今晚 22:00 维护", survived.Text);
        // The snapshot came from grain storage, not from a replay: the stored row has the broadcast.
        Assert.Equal(1, await Scalar<long>(deployment,
            $"SELECT count(*) FROM orleans_storage WHERE convert_from(payload, 'UTF8') LIKE '%{posted.Value!.Id}%'"));
    }

    private static async Task<T> Scalar<T>(TestDeployment deployment, string sql)
    {
        await using var conn = new NpgsqlConnection(deployment.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
