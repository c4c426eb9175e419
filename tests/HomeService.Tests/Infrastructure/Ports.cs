using System.Net;
using System.Net.Sockets;

namespace HomeService.Tests.Infrastructure;

public static class Ports
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HomeService.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("HomeService.sln not found above the test folder.");
    }
}
