using System.Diagnostics;

namespace HomeService.Bench.Harness;

/// <summary>
/// Silos and web hosts as real processes on loopback (Release build), against the PostgreSQL that deploy/bench.sh
/// started; the environment (connection string, Local settings) comes from that script. Kill is SIGKILL, as a crash.
/// </summary>
public sealed class LocalCluster(string repoRoot, string logDir, IReadOnlyDictionary<string, string> settings) : IAsyncDisposable
{
    public sealed record Node(string Name, Process Process, Uri Http);

    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly List<Node> _nodes = [];

    public IReadOnlyList<Node> Silos => _nodes.Where(n => n.Name.StartsWith("silo")).ToList();
    public IReadOnlyList<Node> WebHosts => _nodes.Where(n => n.Name.StartsWith("web")).ToList();

    public async Task<Node> StartSilo(int i)
    {
        var env = new Dictionary<string, string>(settings)
        {
            ["HomeService__Silo__SiloPort"] = FreePort().ToString(),
            ["HomeService__Silo__GatewayPort"] = FreePort().ToString(),
            ["HomeService__Diagnostics__BenchGrains"] = "true",
        };
        return await Start($"silo{i}", "silo/bin/Release/net10.0/HomeService.Silo.dll", "silo", FreePort(), env);
    }

    public Task<Node> StartWeb(int i) => Start($"web{i}", "web/bin/Release/net10.0/HomeService.Web.dll", "web", FreePort(),
        new Dictionary<string, string>(settings));

    /// <summary>A port nobody listens on now: two bench runs on one machine (or a run beside the tests) never share one.</summary>
    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Kill(Node node)
    {
        node.Process.Kill(entireProcessTree: true);
        node.Process.WaitForExit();
        _nodes.Remove(node);
    }

    private async Task<Node> Start(string name, string dll, string contentRoot, int port, Dictionary<string, string> env)
    {
        var url = new Uri($"http://127.0.0.1:{port}/");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(repoRoot, dll), "--urls", url.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(repoRoot, contentRoot) })
            info.ArgumentList.Add(arg);
        foreach (var (k, v) in env) info.Environment[k] = v;
        var process = Process.Start(info)!;
        var log = new StreamWriter(Path.Combine(logDir, $"bench-{name}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var node = new Node(name, process, url);
        _nodes.Add(node);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"{name} exited during start-up; see {logDir}/bench-{name}.log");
            try
            {
                if ((await Probe.GetAsync(new Uri(url, "readyz"))).IsSuccessStatusCode) return node;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(300);
        }
        throw new TimeoutException($"{name} was not ready within 90 s");
    }

    public ValueTask DisposeAsync()
    {
        foreach (var node in _nodes.ToList())
        {
            try
            {
                node.Process.Kill(entireProcessTree: true);
                node.Process.WaitForExit(10_000);
            }
            catch (InvalidOperationException) { }
        }
        _nodes.Clear();
        return ValueTask.CompletedTask;
    }
}
