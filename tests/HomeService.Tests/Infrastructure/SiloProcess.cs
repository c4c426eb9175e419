using System.Diagnostics;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A silo as its own operating-system process, so a test can kill it with SIGKILL like a crash, or stop it with
/// SIGTERM as a service manager would.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri baseAddress, int siloPort)
    {
        _process = process;
        BaseAddress = baseAddress;
        SiloPort = siloPort;
    }

    public Uri BaseAddress { get; }
    public int SiloPort { get; }

    public static async Task<SiloProcess> Start(TestDeployment deployment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = Path.Combine(Ports.RepoRoot, "silo", "bin", configuration, "net10.0", "HomeService.Silo.dll");
        var (siloPort, gatewayPort, httpPort) = (Ports.Free(), Ports.Free(), Ports.Free());
        var psi = new ProcessStartInfo("dotnet", $"\"{dll}\" --urls http://127.0.0.1:{httpPort}")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in deployment.SiloEnvironment(siloPort, gatewayPort))
            psi.Environment[key.Replace(":", "__")] = value;
        var process = Process.Start(psi)!;
        var lastLines = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null) return;
            lock (lastLines)
            {
                lastLines.Enqueue(line);
                if (lastLines.Count > 20) lastLines.Dequeue();
            }
        }
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{httpPort}"), siloPort);
        using var http = new HttpClient { BaseAddress = silo.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        try
        {
            await Eventually.True(async () => !process.HasExited && (await http.GetAsync("/readyz")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(60), "the silo process becomes ready");
        }
        catch (TimeoutException e)
        {
            // A silo that never became ready must not outlive the test (one once ran on for an hour beside the rest of the suite).
            await silo.DisposeAsync();
            lock (lastLines) throw new TimeoutException($"{e.Message}. Its last lines:\n{string.Join("\n", lastLines)}", e);
        }
        return silo;
    }

    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>A graceful shutdown: the host stops, grains deactivate and the silo leaves the cluster.</summary>
    public async Task Stop()
    {
        if (_process.HasExited) return;
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
