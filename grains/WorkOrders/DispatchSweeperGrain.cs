using Npgsql;

namespace HomeService.WorkOrders;

/// <summary>
/// The safety net for "no order is ever stuck": a crash between an order's append and its next step (the next
/// offer, the reminder registration) leaves it waiting with nothing to wake it. On a reminder, the sweeper asks
/// the read table for orders that should be moving but have not changed for a while, and pokes each one.
/// </summary>
public sealed class DispatchSweeperGrain(NpgsqlDataSource db, WorkOrderOptions options) : Grain, IDispatchSweeperGrain, IRemindable
{
    public Task Start() => this.RegisterOrUpdateReminder("sweep", options.SweepEvery, options.SweepEvery);

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        await using var cmd = db.CreateCommand("""
            SELECT order_no FROM work_order
            WHERE status IN ('Raw', 'PendingDispatch', 'Offered') AND updated_at < now() - $1::interval
              AND (status <> 'Offered' OR offer_expires_at < now())
            ORDER BY updated_at LIMIT 500
            """);
        cmd.Parameters.Add(new() { Value = options.SweepEvery });
        var stuck = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) stuck.Add(r.GetString(0));
        foreach (var orderNo in stuck) await GrainFactory.GetGrain<IWorkOrderGrain>(orderNo).Poke();
    }
}
