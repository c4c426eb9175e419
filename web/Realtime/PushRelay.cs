using System.Text.Json;
using HomeService.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace HomeService.Web.Realtime;

/// <summary>
/// This web host's single observer in the cluster. It re-subscribes on a short period, so the directory
/// grain rebuilds its list by itself after a silo failure, and forwards every push to the SignalR group.
/// </summary>
public sealed class PushRelay(IClusterClient cluster, IHubContext<LiveHub> hub, ILogger<PushRelay> logger)
    : BackgroundService, IPushObserver
{
    public static readonly TimeSpan ResubscribeEvery = TimeSpan.FromSeconds(10);
    private IPushObserver? _reference;

    public Task Push(PushMessage message)
    {
        using var payload = JsonDocument.Parse(message.PayloadJson);
        return hub.Clients.Group(message.Group).SendAsync("push", new
        {
            @event = message.Event,
            version = message.Version,
            payload = payload.RootElement.Clone(),
        });
    }

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        _reference = cluster.CreateObjectReference<IPushObserver>(this);
        var directory = cluster.GetGrain<IPushDirectoryGrain>(0);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await directory.Subscribe(_reference);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not subscribe to pushes; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                continue;
            }
            await Task.Delay(ResubscribeEvery, ct);
        }
    }

    public override async Task StopAsync(CancellationToken ct)
    {
        if (_reference is not null)
        {
            try { await cluster.GetGrain<IPushDirectoryGrain>(0).Unsubscribe(_reference); }
            catch (Exception e) { logger.LogDebug(e, "Unsubscribe on shutdown failed"); }
            cluster.DeleteObjectReference<IPushObserver>(_reference);
        }
        await base.StopAsync(ct);
    }
}
