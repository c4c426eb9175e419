using HomeService.Realtime;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HomeService.Notifications;

/// <summary>
/// The in-app half of the notification outbox: once a second it pushes the in-app messages not yet delivered to their
/// recipient's group ("notification.new") and marks them delivered. Rows are written in the transaction of the event that
/// owes them, so a message is pushed only once it is real; a crash between push and mark pushes it again, and screens
/// drop a repeat by its id.
/// </summary>
public sealed class InboxRelayGrain(NpgsqlDataSource db, ILogger<InboxRelayGrain> logger) : Grain, IInboxRelayGrain, IRemindable
{
    private const int Batch = 200;
    private bool _running;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        return Task.CompletedTask;
    }

    public Task Start() => this.RegisterOrUpdateReminder("keep-alive", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;

    public async Task<int> Relay()
    {
        var total = 0;
        int pushed;
        do total += pushed = await Step();
        while (pushed == Batch);
        return total;
    }

    private async Task Tick()
    {
        if (_running) return;
        _running = true;
        try
        {
            await Relay();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "In-app notifications could not be relayed; the next tick tries again");
        }
        finally
        {
            _running = false;
        }
    }

    private async Task<int> Step()
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, recipient_kind, recipient_id, template, params::text, created_at FROM notification_outbox
            WHERE channel = 'in-app' AND sent_at IS NULL ORDER BY created_at LIMIT $1
            """);
        cmd.Parameters.Add(new() { Value = Batch });
        var rows = new List<(Guid Id, string Kind, string Recipient, string Template, string Params, DateTimeOffset At)>();
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync())
                rows.Add((r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        foreach (var n in rows)
        {
            var group = n.Kind switch
            {
                "merchant" => PushGroups.Merchant(n.Recipient),
                "worker" => PushGroups.Worker(n.Recipient),
                "member" => PushGroups.Member(n.Recipient),
                _ => null,
            };
            if (group is not null)
                await GrainFactory.Push(group, "notification.new",
                    new { id = n.Id, template = n.Template, parameters = System.Text.Json.JsonDocument.Parse(n.Params).RootElement, createdAt = n.At }, 0);
        }
        if (rows.Count > 0)
        {
            await using var mark = db.CreateCommand("UPDATE notification_outbox SET sent_at = now() WHERE id = ANY($1)");
            mark.Parameters.Add(new() { Value = rows.Select(n => n.Id).ToArray() });
            await mark.ExecuteNonQueryAsync();
        }
        return rows.Count;
    }
}
