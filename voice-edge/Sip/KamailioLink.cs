using System.Net.Sockets;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// The edge's own TCP connection to Kamailio's edge port, for the requests the edge starts (it rings the agents'
/// seats, cancels and ends those legs). Their responses come back on it; Kamailio takes a request received on that port
/// as the edge's. Opened on first use and again after it drops.
/// </summary>
public sealed class KamailioLink(EdgeSettings settings, ILogger<KamailioLink> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private SipConnection? _connection;

    /// <summary>Every message Kamailio sends back on the link: the responses to the edge's requests.</summary>
    public Func<SipConnection, SipMessage, Task> Received { get; set; } = (_, _) => Task.CompletedTask;

    public async Task Send(SipMessage message)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = await Open();
            try
            {
                await connection.Send(message);
                return;
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException && attempt < 2)
            {
                logger.LogInformation("The link to Kamailio dropped ({Message}); opening it again", e.Message);
                Interlocked.CompareExchange(ref _connection, null, connection);
            }
        }
    }

    private async Task<SipConnection> Open()
    {
        if (_connection is { } open) return open;
        await _opening.WaitAsync();
        try
        {
            if (_connection is { } raced) return raced;
            var client = new TcpClient { NoDelay = true };
            await client.ConnectAsync(settings.Kamailio);
            var connection = new SipConnection(client);
            _connection = connection;
            _ = Task.Run(() => Read(connection));
            return connection;
        }
        finally
        {
            _opening.Release();
        }
    }

    private async Task Read(SipConnection connection)
    {
        try
        {
            while (await connection.Receive(_stop.Token) is { } message) await Received(connection, message);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or FormatException or InvalidDataException)
        {
            logger.LogDebug("The link to Kamailio closed: {Message}", e.Message);
        }
        finally
        {
            Interlocked.CompareExchange(ref _connection, null, connection);
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_connection is { } connection) await connection.DisposeAsync();
    }
}
