using System.Net;
using System.Net.Sockets;

namespace HomeService.Tests.Infrastructure;

public static class Ports
{
    // Below Linux's ephemeral range (32768–60999): a port the kernel picked for us could be handed out again as the
    // source port of one of the many outgoing connections before the silo or PostgreSQL that was meant to listen on
    // it binds it, which made a silo process fail to start now and then. Each port is also handed out once per run.
    private const int First = 20_000, Last = 32_000;
    private static int _next = First + Random.Shared.Next(0, 4_000);

    public static int Free()
    {
        while (true)
        {
            var port = Interlocked.Increment(ref _next);
            if (port > Last)
            {
                Interlocked.CompareExchange(ref _next, First, port);
                continue;
            }
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // in use by something else: take the next one
            }
        }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HomeService.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HomeService.sln not found above the test folder.");
    }
}
