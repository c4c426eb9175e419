using System.Threading.Channels;
using HomeService.EventLog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// Wraps the silo's event log: once an append has committed, its "call" and "agent" events are forwarded, one-way and
/// in batches, to the live KPI grain. Forwarding never slows or fails the append: events wait in a channel and a
/// background loop sends what has gathered. Only committed events go out, so the live figures never count something
/// the log does not have. A forward lost with a crashed silo is made good when the KPI grain next rebuilds from the log.
/// </summary>
public sealed class KpiTapEventLog(IEventLog inner, IServiceProvider services, ILogger<KpiTapEventLog> logger) : IEventLog, IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly Channel<KpiEvent> _pending = Channel.CreateUnbounded<KpiEvent>(new() { SingleReader = true });
    private Task? _loop;

    public async Task AppendAsync(EventAppend append, CancellationToken ct = default)
    {
        await inner.AppendAsync(append, ct);
        foreach (var e in append.Events)
            if (e.AggregateType is "call" or "agent")
                _pending.Writer.TryWrite(new KpiEvent(e.AggregateType, e.AggregateId, e.Version, e.EventType, e.PayloadJson, e.OccurredAt));
        if (_loop is null)
        {
            var loop = new Task<Task>(Forward);
            if (Interlocked.CompareExchange(ref _loop, loop.Unwrap(), null) is null) loop.Start(); // one loop: the channel has one reader
        }
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAsync(string aggregateType, string aggregateId, int afterVersion, CancellationToken ct = default) =>
        inner.ReadAsync(aggregateType, aggregateId, afterVersion, ct);

    private async Task Forward()
    {
        var grains = services.GetRequiredService<IGrainFactory>();
        var batch = new List<KpiEvent>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var e)) batch.Add(e);
            try
            {
                await grains.GetGrain<ICallCenterKpiGrain>(0).Observe(batch.ToList());
            }
            catch (Exception error)
            {
                logger.LogWarning(error, "{Count} events not forwarded to the live KPIs", batch.Count);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        if (_loop is not null) await _loop;
    }
}
