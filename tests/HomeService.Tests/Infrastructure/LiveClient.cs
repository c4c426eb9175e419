using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;

namespace HomeService.Tests.Infrastructure;

/// <summary>A signed-in person's live connection: every push it receives, in order, to wait on.</summary>
public sealed class LiveClient : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly Channel<JsonElement> _pushes = Channel.CreateUnbounded<JsonElement>();
    private readonly List<JsonElement> _seen = [];
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        _connection.On<JsonElement>("push", p => _pushes.Writer.TryWrite(p));
        _connection.Closed += _ =>
        {
            _closed.TrySetResult();
            return Task.CompletedTask;
        };
    }

    /// <summary>Completes when the server ends the connection (the client never reconnects on its own).</summary>
    public Task Closed => _closed.Task;

    public static async Task<LiveClient> Connect(RunningWeb web, WebSession session)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(web.BaseAddress, "/hubs/live"), o =>
            {
                o.Headers["Cookie"] = session.CookieHeader;
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>The next push of that event whose payload matches (earlier non-matching pushes are kept for later waits).</summary>
    public async Task<JsonElement> Next(string eventName, Func<JsonElement, bool>? payloadMatches = null, TimeSpan? within = null)
    {
        bool Matches(JsonElement p) => p.GetProperty("event").GetString() == eventName && (payloadMatches?.Invoke(p.GetProperty("payload")) ?? true);
        var earlier = _seen.FindIndex(Matches);
        if (earlier >= 0)
        {
            var found = _seen[earlier];
            _seen.RemoveAt(earlier);
            return found.GetProperty("payload");
        }
        using var cts = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(20));
        try
        {
            while (true)
            {
                var push = await _pushes.Reader.ReadAsync(cts.Token);
                if (Matches(push)) return push.GetProperty("payload");
                _seen.Add(push);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{eventName}' push arrived. Seen: {string.Join(", ", _seen.Select(p => p.GetProperty("event").GetString()))}");
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
