using Orleans.Configuration;

namespace HomeService.Web.Hosting;

public static class ClusterClient
{
    public static IHostApplicationBuilder AddHomeServiceClusterClient(this IHostApplicationBuilder builder, WebSettings settings)
    {
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });
            client.UseAdoNetClustering(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = settings.ConnectionString;
            });
            client.UseConnectionRetryFilter<KeepTryingToConnect>();
        });
        return builder;
    }

    /// <summary>A web host may start before any silo; it waits for the cluster instead of failing.</summary>
    private sealed class KeepTryingToConnect(ILogger<KeepTryingToConnect> logger) : IClientConnectionRetryFilter
    {
        private int _attempt;

        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken ct)
        {
            if (ct.IsCancellationRequested) return false;
            if (++_attempt % 10 == 1) logger.LogWarning("No silo reachable yet (attempt {Attempt}): {Error}", _attempt, exception.Message);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return true;
        }
    }
}
