using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the whole test run: initdb into a temp folder, start on a free
/// loopback port, remove it at process exit. Each test class asks for its own database so they never share rows.
/// A test that stops the database server itself starts its own cluster (<see cref="StartOwn"/>), so the
/// other test classes running in parallel keep theirs.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<PostgresServer> SharedInstance = new(Launch, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databaseCounter;

    private readonly string _root;
    private readonly bool _asRoot;

    private PostgresServer(string root, int port, bool asRoot)
    {
        _root = root;
        Port = port;
        _asRoot = asRoot;
    }

    public static PostgresServer Shared => SharedInstance.Value;

    /// <summary>A cluster only the caller uses: it may <see cref="Stop"/> and <see cref="Start"/> it again. Dispose removes it.</summary>
    public static PostgresServer StartOwn() => Launch();

    public int Port { get; }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=40;Timeout=30;Command Timeout=60;" +
        // Many short-lived deployments share this server: idle connections are closed quickly instead of after 5 minutes.
        "Connection Idle Lifetime=5;Connection Pruning Interval=2";

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "hs")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCounter)}".ToLowerInvariant();
        await using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\" ENCODING 'UTF8' TEMPLATE template0", conn);
        await cmd.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    private static PostgresServer Launch()
    {
        if (!File.Exists(Path.Combine(BinDir, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinDir}/initdb missing). Run deploy/test.sh, which installs it.");

        var root = Directory.CreateTempSubdirectory("hs-pg-").FullName;
        // Whose server this is: deploy/test.sh stops a leftover one only when this process is gone (an interrupted run).
        File.WriteAllText(Path.Combine(root, "owner.pid"), Environment.ProcessId.ToString());
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", $"postgres:postgres {root}", asPostgres: false);

        var data = Path.Combine(root, "data");
        Run($"{BinDir}/initdb", $"-D {data} -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync", asRoot);

        var server = new PostgresServer(root, FreePort(), asRoot);
        server.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Dispose();
        return server;
    }

    private string DataDir => Path.Combine(_root, "data");

    /// <summary>Starts the server on its data folder and port (again, after <see cref="Stop"/>).</summary>
    public void Start()
    {
        var options = $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=1000";
        Run($"{BinDir}/pg_ctl", $"-D {DataDir} -l {_root}/server.log -w -t 60 -o \"{options}\" start", _asRoot);
    }

    /// <summary>
    /// Stops the server process. Immediate is a crash of the server (no checkpoint; the next start replays the WAL);
    /// otherwise a clean shutdown. Either way connections in use fail, as they would in production.
    /// </summary>
    public void Stop(bool immediate)
    {
        Run($"{BinDir}/pg_ctl", $"-D {DataDir} -m {(immediate ? "immediate" : "fast")} -w -t 60 stop", _asRoot);
        NpgsqlConnection.ClearAllPools();
    }

    public void Dispose()
    {
        try
        {
            Stop(immediate: true);
        }
        catch
        {
            // Best effort (already stopped, or at exit); the folder is removed either way.
        }
        try { Directory.Delete(_root, recursive: true); } catch { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string args, bool asPostgres)
    {
        var psi = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {args}")
            : new ProcessStartInfo(file, args);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.WorkingDirectory = "/tmp";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {args} failed ({p.ExitCode}): {stderr}{stdout.Result}");
    }
}
