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
    /// A notice about a resident's own order. A member hears by the channels they chose, and by SMS when they chose
    /// neither: an operational message about their own order always goes out. A resident without a membership (a caller,
    /// a guest) hears by SMS at the order's contact phone. With a worker, the worker's one-person-one-code page becomes
    /// the notice's link, while the worker has a code.
    /// </summary>
    /// <param name="inApp">False for what only SMS can carry (the follow-up SMS asks for a reply): a member who chose the inbox alone gets nothing.</param>
    public static IEnumerable<ReadModelWrite> ToResident(string? memberId, string contactPhone, string template, object parameters, string dedupKey,
        string? workerId = null, bool inApp = true)
    {
        var json = JsonSerializer.Serialize(parameters, Json);
        const string Params = "$3::jsonb || coalesce((SELECT jsonb_build_object('link', '/w/' || code_token) FROM worker WHERE id = $5 AND code_token IS NOT NULL), '{}'::jsonb)";
        if (memberId is null)
        {
            if (PhoneNumber.IsMobile(contactPhone))
                yield return new($"""
                    INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
                    VALUES ('sms', 'phone', $1, $2, {Params}, $4) ON CONFLICT (dedup_key) DO NOTHING
                    """, contactPhone, template, json, dedupKey + ":sms", workerId);
            yield break;
        }
        if (inApp) yield return new($"""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'in-app', 'member', m.id, $2, {Params}, $4 FROM member m WHERE m.id = $1 AND m.notify_in_app
            ON CONFLICT (dedup_key) DO NOTHING
            """, memberId, template, json, dedupKey, workerId);
        yield return new($"""
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key)
            SELECT 'sms', 'phone', m.phone, $2, {Params}, $4 FROM member m
            WHERE m.id = $1 AND m.phone <> '' AND (m.notify_sms OR NOT m.notify_in_app AND $6)
            ON CONFLICT (dedup_key) DO NOTHING
            """, memberId, template, json, dedupKey + ":sms", workerId, inApp);
    }
}
