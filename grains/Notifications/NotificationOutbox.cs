using System.Text.Json;
using HomeService.EventLog;

namespace HomeService.Notifications;

/// <summary>
/// Rows for the notification outbox, to append with the event that owes the message, so a committed change never
/// goes unannounced and a rolled-back one never announces anything. Templates are named, not written out: the SMS
/// subsystem words them per channel and language.
/// </summary>
public static class NotificationOutbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static ReadModelWrite Enqueue(string channel, string recipientKind, string recipientId, string template, object parameters, string dedupKey) => new("""
        INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
        VALUES ($1, $2, $3, $4, $5::jsonb, $6) ON CONFLICT (dedup_key) DO NOTHING
        """, channel, recipientKind, recipientId, template, JsonSerializer.Serialize(parameters, Json), dedupKey);
}
