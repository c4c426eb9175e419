using HomeService.Broadcasts;
using HomeService.Tests.Infrastructure;
using Npgsql;

namespace HomeService.Tests.Cluster;

public sealed class ReminderRestartTests
{
    /// <summary>
    /// A one-minute broadcast's expiry is a reminder. The silo that registered it goes away; a new silo, with no
    /// one calling the board, still ends the broadcast on time. (Slow by nature: the shortest broadcast is a minute.)
    /// </summary>
    [Fact]
    public async Task A_reminder_fires_on_a_new_silo_after_the_old_one_stopped()
    {
        await using var deployment = await TestDeployment.Start(silos: 1, webHosts: 0);
        var posted = await deployment.Silos[0].Grains.GetGrain<IBroadcastBoardGrain>(0).Post(new PostBroadcast("午休时间调整", 1, "班长"));
        Assert.True(posted.Succeeded);

        await deployment.StopSilo(deployment.Silos[0]);
        await deployment.StartSilo();

        string? reason = null;
        await Eventually.True(async () =>
        {
            await using var conn = new NpgsqlConnection(deployment.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT ended_reason FROM broadcast WHERE id = $1", conn);
            cmd.Parameters.Add(new() { Value = posted.Value!.Id });
            reason = await cmd.ExecuteScalarAsync() as string;
            return reason is not null;
        }, TimeSpan.FromSeconds(150), "the broadcast ends by its reminder");

        Assert.Equal("expired", reason);
        Assert.True(DateTimeOffset.UtcNow >= posted.Value!.ExpiresAt, "it did not end early");
        Assert.Empty(await deployment.Silos[0].Grains.GetGrain<IBroadcastBoardGrain>(0).GetActive());
    }
}
