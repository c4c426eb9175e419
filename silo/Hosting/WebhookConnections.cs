using System.Net;
using System.Net.Sockets;
using HomeService.WorkOrders;

namespace HomeService.Silo.Hosting;

/// <summary>
/// The connections webhook deliveries go out on. Every connection resolves the target's name itself and connects only
/// to an address <see cref="WebhookTargetRule"/> allows, so the check is on the address actually connected to: a name
/// that resolves inside, or that resolved outside at subscription and inside now (DNS rebinding), is refused before
/// a byte is sent. No proxy (it would connect for us, past the check) and no redirects (a 3xx is the receiver's answer,
/// not a new target).
/// </summary>
public static class WebhookConnections
{
    public static SocketsHttpHandler Handler(WebhookTargetRule rule) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (context, ct) => Connect(rule, context.DnsEndPoint, ct),
    };

    public static async ValueTask<Stream> Connect(WebhookTargetRule rule, DnsEndPoint target, CancellationToken ct)
    {
        var addresses = await Dns.GetHostAddressesAsync(target.Host, ct);
        var allowed = addresses.Where(rule.Allows).ToArray();
        if (allowed.Length == 0) throw new WebhookTargetRefusedException(target.Host, addresses);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, target.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A delivery whose target resolves only to addresses inside the center's network.</summary>
public sealed class WebhookTargetRefusedException(string host, IReadOnlyList<IPAddress> addresses) : IOException(
    $"Webhook target refused: {host} resolves to {(addresses.Count == 0 ? "no address" : string.Join(", ", addresses))}, inside the center's network "
    + $"(allow it with {WebhookTargetRule.Setting} only if it is meant to receive).");
