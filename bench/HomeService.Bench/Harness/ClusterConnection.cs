using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace HomeService.Bench.Harness;

/// <summary>The bench process as an Orleans client of the local cluster (ADO.NET clustering, like the web hosts).</summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterConnection(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterConnection> Open(string connectionString)
    {
        var host = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = ("homeservice", "homeservice"));
                client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", connectionString));
            })
            .Build();
        await host.StartAsync();
        return new ClusterConnection(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
