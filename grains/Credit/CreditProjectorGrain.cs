using HomeService.EventLog;
using HomeService.WorkOrders;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HomeService.Credit;

/// <summary>
/// Reads the work-order events that can move credit from the log, in sequence order, and hands each to the credit
/// accounts it concerns, then moves a checkpoint kept in PostgreSQL. Slow work stays out of the order's own path, and
/// nothing is lost: after a crash it starts again from the checkpoint, and an account ignores a sequence it has had.
/// It reads only events at least a couple of seconds old, so a transaction on another silo that took a lower sequence
/// but commits later is not skipped.
/// </summary>
public sealed class CreditProjectorGrain(NpgsqlDataSource db, IEventLog log, ILogger<CreditProjectorGrain> logger)
    : BackgroundPoller(logger), ICreditProjectorGrain
{
    private const string Name = "credit";
    private static readonly TimeSpan SettleFor = TimeSpan.FromSeconds(2);
    private const int MaxCachedOrders = 20_000;
    private readonly Dictionary<string, WorkOrder> _orders = new();

    public Task<int> CatchUp() => Drain();

    /// <summary>On the timer only events settled for a couple of seconds are read; a caller catching up takes all.</summary>
    protected override Task<int> Step(bool fromTimer) => Step(fromTimer ? SettleFor : TimeSpan.Zero);

    private async Task<int> Step(TimeSpan settle)
    {
        var checkpoint = await Checkpoint();
        await using var cmd = db.CreateCommand("""
            SELECT seq, aggregate_id, version, event_type, payload::text, actor, occurred_at FROM event_log
            WHERE seq > $1 AND aggregate_type = 'work_order' AND event_type = ANY($2) AND occurred_at < now() - $3::interval
            ORDER BY seq LIMIT $4
            """);
        cmd.Parameters.Add(new() { Value = checkpoint });
        cmd.Parameters.Add(new() { Value = CreditFeed.EventTypes.ToArray() });
        cmd.Parameters.Add(new() { Value = settle });
        cmd.Parameters.Add(new() { Value = Batch });
        var rows = new List<(StoredEvent Event, string OrderNo)>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                rows.Add((new StoredEvent(r.GetInt64(0), r.GetInt32(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                    r.GetFieldValue<DateTimeOffset>(6)), r.GetString(1)));
        if (rows.Count == 0) return 0;

        foreach (var (stored, orderNo) in rows)
        {
            var (order, before) = await OrderAt(orderNo, stored.Version);
            foreach (var (subject, input) in CreditFeed.From(WorkOrderGrain.Codec.Decode(stored), order, $"{orderNo}#{stored.Version}", before))
                await GrainFactory.GetGrain<ICreditGrain>(subject.Key).Record(stored.Sequence, input);
        }
        // Once per batch: a crash before this replays the batch, and each account ignores the sequences it already has.
        await Save(rows[^1].Event.Sequence);
        return rows.Count;
    }

    /// <summary>
    /// The order as it stood after the given version, and what the no-show rule needs of it just before, folded from the
    /// log. Orders are cached between batches (an order feeds credit several times in its life) and only the events
    /// after the cached version are read.
    /// </summary>
    private async Task<(WorkOrder Order, VisitBefore Before)> OrderAt(string orderNo, int version)
    {
        if (!_orders.TryGetValue(orderNo, out var cached) || cached.Version >= version)
        {
            if (_orders.Count >= MaxCachedOrders) _orders.Clear();
            _orders[orderNo] = cached = new WorkOrder();
        }
        var before = VisitBefore.Of(cached);
        foreach (var e in await log.ReadAsync("work_order", orderNo, cached.Version))
        {
            if (e.Version > version) break;
            if (e.Version == version) before = VisitBefore.Of(cached);
            cached.Apply(WorkOrderGrain.Codec.Decode(e));
            cached.Version = e.Version;
        }
        return (cached, before);
    }

    private async Task<long> Checkpoint()
    {
        await using var cmd = db.CreateCommand("SELECT last_seq FROM projection_checkpoint WHERE name = $1");
        cmd.Parameters.Add(new() { Value = Name });
        return await cmd.ExecuteScalarAsync() is long seq ? seq : 0;
    }

    private async Task Save(long seq)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO projection_checkpoint (name, last_seq) VALUES ($1, $2)
            ON CONFLICT (name) DO UPDATE SET last_seq = GREATEST(projection_checkpoint.last_seq, $2)
            """);
        cmd.Parameters.Add(new() { Value = Name });
        cmd.Parameters.Add(new() { Value = seq });
        await cmd.ExecuteNonQueryAsync();
    }
}
