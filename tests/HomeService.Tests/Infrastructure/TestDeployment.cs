using Microsoft.AspNetCore.Hosting;
using HomeService.Silo;
using HomeService.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A real deployment in one process: a fresh database on the shared throwaway PostgreSQL, silos built by
/// <see cref="SiloApp"/> on their own TCP ports with ADO.NET clustering, and web hosts built by <see cref="WebApp"/>
/// on real loopback ports. Exactly what production runs, only smaller.
/// </summary>
public sealed class TestDeployment : IAsyncDisposable
{
    public const string DemoPassword = "Demo@2026";
    public const string TelephonyKey = "simswitch.test-telephony-secret";
    public const string PartnerKey = "testpartner.test-partner-secret";

    private readonly string _clusterId = $"test-{Guid.NewGuid():N}"[..20];
    private readonly string _keysPath = Directory.CreateTempSubdirectory("hs-keys-").FullName;
    private readonly Dictionary<string, string?> _extra;

    private readonly TimeProvider? _siloClock;

    private TestDeployment(string connectionString, Dictionary<string, string?> extra, TimeProvider? siloClock = null)
    {
        ConnectionString = connectionString;
        _extra = extra;
        _siloClock = siloClock;
    }

    public string ConnectionString { get; }
    public List<RunningSilo> Silos { get; } = [];
    public List<RunningWeb> WebHosts { get; } = [];

    /// <param name="siloClock">The silos' clock (grains read every time from it), e.g. a <see cref="MovableClock"/>; the system's if null.</param>
    public static Task<TestDeployment> Create(Dictionary<string, string?>? extra = null, TimeProvider? siloClock = null) =>
        CreateOn(PostgresServer.Shared, extra, siloClock);

    /// <summary>A deployment on a database server of the test's own (one that the test stops and starts).</summary>
    public static async Task<TestDeployment> CreateOn(PostgresServer server, Dictionary<string, string?>? extra = null, TimeProvider? siloClock = null) =>
        new(await server.CreateDatabaseAsync(), extra ?? new(), siloClock);

    public static async Task<TestDeployment> Start(int silos, int webHosts, Dictionary<string, string?>? extra = null, TimeProvider? siloClock = null)
    {
        var deployment = await Create(extra, siloClock);
        for (var i = 0; i < silos; i++) await deployment.StartSilo();
        for (var i = 0; i < webHosts; i++) await deployment.StartWeb();
        return deployment;
    }

    public async Task<RunningSilo> StartSilo()
    {
        var siloPort = Ports.Free();
        var gatewayPort = Ports.Free();
        var httpPort = Ports.Free();
        var app = SiloApp.Build([], builder =>
        {
            if (_siloClock is not null) builder.Services.AddSingleton(_siloClock);
            Configure(builder, SiloSettings(siloPort, gatewayPort));
            builder.WebHost.UseUrls($"http://127.0.0.1:{httpPort}");
        });
        await app.StartAsync();
        var silo = new RunningSilo(app, new Uri($"http://127.0.0.1:{httpPort}"), siloPort);
        Silos.Add(silo);
        return silo;
    }

    /// <summary>Every setting a silo of this deployment needs, for a silo started in another process.</summary>
    public Dictionary<string, string?> SiloEnvironment(int siloPort, int gatewayPort)
    {
        var all = CommonSettings();
        foreach (var (k, v) in SiloSettings(siloPort, gatewayPort)) all[k] = v;
        foreach (var (k, v) in _extra) all[k] = v;
        all["Logging:LogLevel:Default"] = "Warning";
        return all;
    }

    private static Dictionary<string, string?> SiloSettings(int siloPort, int gatewayPort) => new()
    {
        ["HomeService:Silo:SiloPort"] = siloPort.ToString(),
        ["HomeService:Silo:GatewayPort"] = gatewayPort.ToString(),
        ["HomeService:Seed:Demo"] = "true",
        ["HomeService:Seed:DemoPassword"] = DemoPassword,
        ["HomeService:Seed:ApiKeys:telephony"] = TelephonyKey,
        ["HomeService:Seed:ApiKeys:partner"] = PartnerKey,
        ["HomeService:Web:LoginUrl"] = "http://127.0.0.1:1/login",
        // Tests book visits for the next hours or tomorrow and check in at once; WorkerVisitTests keeps the product's hour.
        ["HomeService:WorkOrders:EarlyCheckIn"] = "2.00:00:00",
        // Tests play the switch's events themselves (SwitchClient), "recording ready" included; a test that wants the
        // simulated switch to report its recordings, as it does in development and demos, sets a delay of 0 or more.
        ["HomeService:Telephony:Simulator:RecordingReadySeconds"] = "-1",
    };

    /// <summary>The configuration an operator's command (deploy/admin.sh) needs to reach this deployment, as command-line arguments.</summary>
    public string[] CommandArgs() => CommonSettings().Select(s => $"--{s.Key}={s.Value}").ToArray();

    private Dictionary<string, string?> CommonSettings() => new()
    {
        ["ConnectionStrings:HomeService"] = ConnectionString,
        ["HomeService:Cluster:ClusterId"] = _clusterId,
        ["HomeService:Cluster:ServiceId"] = _clusterId,
        ["HomeService:Cluster:FastFailureDetection"] = "true",
        ["HomeService:DataProtection:KeysPath"] = _keysPath,
    };

    public const string HubOriginAllowed = "https://desk.homeservice.test";

    public async Task<RunningWeb> StartWeb()
    {
        var app = WebApp.Build([], builder =>
        {
            Configure(builder, new()
            {
                ["HomeService:Dashboard:Url"] = Silos.Count > 0 ? $"{Silos[0].BaseAddress}dashboard/" : null,
                // Every test comes from 127.0.0.1, so the per-address doors stand wide open here; DoorTests starts a
                // deployment of its own with low limits.
                ["HomeService:Security:LoginAttemptsPerAddress"] = "100000",
                ["HomeService:Security:CallbackRequestsPerAddress"] = "100000",
                ["HomeService:Security:CodeRequestsPerAddress"] = "100000",
                ["HomeService:Security:DocumentUploadsPerAddress"] = "100000",
                // A second origin whose pages may open the hub (HubOriginTests), as a desk behind another name would.
                ["HomeService:Web:AllowedOrigins"] = HubOriginAllowed,
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }, contentRoot: Path.Combine(Ports.RepoRoot, "web"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var web = new RunningWeb(app, new Uri(address.Replace("localhost", "127.0.0.1")));
        WebHosts.Add(web);
        return web;
    }

    /// <summary>Runs a statement against this deployment's database (test set-up: extra agents, shorter timeouts).</summary>
    public async Task Sql(string sql)
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
        // A test that writes the call center's tables directly is a bulk import: the running directory takes it in.
        if (Silos.Count > 0 && System.Text.RegularExpressions.Regex.IsMatch(sql, @"\b(call_queue|agent)\b"))
            await Silos[0].Grains.GetGrain<HomeService.CallCenter.ICallCenterDirectoryGrain>(0).Reload();
    }

    /// <summary>Reads one value from this deployment's database (what a test checks landed durably).</summary>
    public async Task<T?> Scalar<T>(string sql, params object[] args)
    {
        await using var conn = new Npgsql.NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn);
        foreach (var a in args) cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = a });
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task StopSilo(RunningSilo silo)
    {
        await silo.App.StopAsync();
        await silo.App.DisposeAsync();
        Silos.Remove(silo);
    }

    public async Task StopWeb(RunningWeb web)
    {
        await web.App.StopAsync(TimeSpan.FromSeconds(10));
        await web.App.DisposeAsync();
        WebHosts.Remove(web);
    }

    private void Configure(Microsoft.AspNetCore.Builder.WebApplicationBuilder builder, Dictionary<string, string?> own)
    {
        var settings = CommonSettings();
        foreach (var (k, v) in own) settings[k] = v;
        foreach (var (k, v) in _extra) settings[k] = v;
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("HS_TEST_LOGS") is { Length: > 0 } categories)
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning).AddFilter(categories == "1" ? "HomeService" : categories, LogLevel.Debug);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var web in WebHosts.ToList())
        {
            try { await web.App.StopAsync(TimeSpan.FromSeconds(5)); } catch { }
            await web.App.DisposeAsync();
        }
        foreach (var silo in Silos.ToList())
        {
            try { await silo.App.StopAsync(TimeSpan.FromSeconds(10)); } catch { }
            await silo.App.DisposeAsync();
        }
        try { Directory.Delete(_keysPath, true); } catch { }
        // The Orleans providers pool by connection string; let this deployment's idle connections go now.
        Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(ConnectionString));
    }
}

public sealed record RunningSilo(Microsoft.AspNetCore.Builder.WebApplication App, Uri BaseAddress, int SiloPort)
{
    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();
}

public sealed record RunningWeb(Microsoft.AspNetCore.Builder.WebApplication App, Uri BaseAddress);

internal static class HostExtensions
{
    public static Task StopAsync(this Microsoft.AspNetCore.Builder.WebApplication app, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return app.StopAsync(cts.Token);
    }
}
