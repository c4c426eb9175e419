using HomeService.EventLog;
using Orleans.Configuration;
using Orleans.Dashboard;

namespace HomeService.Silo.Hosting;

public static class SiloConfiguration
{
    private const string Npgsql = "Npgsql";

    public static ISiloBuilder AddHomeServiceSilo(this ISiloBuilder silo, SiloSettings settings)
    {
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = settings.ClusterId;
            o.ServiceId = settings.ServiceId;
        });
        silo.ConfigureEndpoints(settings.Address, settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: false);
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = Npgsql;
            o.ConnectionString = AppDataSource.Tuned(settings.ConnectionString);
        });
        silo.AddAdoNetGrainStorage("Default", o =>
        {
            o.Invariant = Npgsql;
            o.ConnectionString = AppDataSource.Tuned(settings.ConnectionString);
        });
        silo.AddAdoNetGrainStorage("PubSubStore", o =>
        {
            o.Invariant = Npgsql;
            o.ConnectionString = AppDataSource.Tuned(settings.ConnectionString);
        });
        // State is stored as plain JSON without .NET type names, so renaming a class never orphans rows.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = Npgsql;
            o.ConnectionString = AppDataSource.Tuned(settings.ConnectionString);
        });
        silo.AddMemoryStreams("Default");
        silo.AddDashboard();

        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.DefunctSiloExpiration = settings.DefunctSiloExpiration;
            // 10.4 also keeps dead rows for at least DefunctSiloMinimumRetention (1 h); a shorter expiry must lower it too.
            if (settings.DefunctSiloExpiration < o.DefunctSiloMinimumRetention) o.DefunctSiloMinimumRetention = settings.DefunctSiloExpiration;
        });
        if (settings.FastFailureDetection)
        {
            // Tests and the local cluster want a killed silo noticed in seconds, not the production minute.
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = TimeSpan.FromSeconds(1);
                o.NumMissedProbesLimit = 2;
                o.NumVotesForDeathDeclaration = 1;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                o.DefunctSiloCleanupPeriod = TimeSpan.FromSeconds(5);
            });
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        }
        return silo;
    }
}
