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
public sealed class InboxRelayGrain(NpgsqlDataSource db, ILogger<InboxRelayGrain> logger) : BackgroundPoller(logger), IInboxRelayGrain
{
    public Task<int> Relay() => Drain();

    protected override async Task<int> Step(bool fromTimer)
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
