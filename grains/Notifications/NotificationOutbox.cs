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

    /// <summary>
    /// A message to a member, by the channels their contact preferences allow (联系偏好): the inbox when in-app is on, an SMS to
    /// their phone when SMS is on. The preferences are read in the transaction that owes the message, so a change the
    /// member made before the event is honoured and one made after it is not applied backwards.
    /// </summary>
    public static IEnumerable<ReadModelWrite> ToMember(string memberId, string template, object parameters, string dedupKey)
    {
        var json = JsonSerializer.Serialize(parameters, Json);
        yield return new("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'in-app', 'member', m.id, $2, $3::jsonb, $4 FROM member m WHERE m.id = $1 AND m.notify_in_app
            ON CONFLICT (dedup_key) DO NOTHING
            """, memberId, template, json, dedupKey);
        yield return new("""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'sms', 'phone', m.phone, $2, $3::jsonb, $4 FROM member m WHERE m.id = $1 AND m.notify_sms AND m.phone <> ''
            ON CONFLICT (dedup_key) DO NOTHING
            """, memberId, template, json, dedupKey + ":sms");
    }
}
