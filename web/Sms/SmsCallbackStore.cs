using Npgsql;

namespace HomeService.Web.Sms;

/// <summary>
/// Applies what providers push: a status report moves a message from sent to delivered or failed, once (a report for a
/// message already final changes nothing, which makes Alibaba Cloud's repeated reports harmless); a reply is kept once
/// and an unsubscribe is recorded for every provider at once.
/// </summary>
public sealed class SmsCallbackStore(NpgsqlDataSource db)
{
    /// <summary>
    /// Returns how many messages changed state. A report names the out id the message went under: the outbox id, or a
    /// batch's, which with the number picks that number's message (an Alibaba Cloud batch shares one BizId too).
    /// </summary>
    public async Task<int> ApplyReports(IReadOnlyList<SmsReport> reports, DateTimeOffset now)
    {
        if (reports.Count == 0) return 0;
        await using var cmd = db.CreateCommand("""
            UPDATE sms_message m SET state = CASE WHEN r.delivered THEN 'delivered' ELSE 'failed' END,
                error_code = CASE WHEN r.delivered THEN NULL ELSE r.code END, error_message = CASE WHEN r.delivered THEN NULL ELSE r.description END,
                final_at = coalesce(r.at, $8)
            FROM unnest($1::text[], $2::uuid[], $3::text[], $4::boolean[], $5::text[], $6::text[], $7::timestamptz[], $9::text[])
                AS r(provider, out_id, message_id, delivered, code, description, at, phone)
            WHERE m.state = 'sent' AND m.provider = r.provider
              AND (m.outbox_id = r.out_id
                   OR m.out_id = r.out_id AND m.phone = r.phone
                   OR r.out_id IS NULL AND m.provider_message_id = r.message_id AND (m.out_id IS NULL OR m.phone = r.phone))
            """);
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.Provider).ToArray() });
        cmd.Parameters.Add(new() { Value = reports.Select(r => Guid.TryParseExact(r.OutId, "N", out var id) ? id : (Guid?)null).ToArray() });
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.MessageId).ToArray() });
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.Delivered).ToArray() });
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.Code).ToArray() });
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.Description).ToArray() });
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.At).ToArray() });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = reports.Select(r => r.Phone).ToArray() });
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A follow-up score reply not yet applied to its order.</summary>
    public sealed record ScoreReply(long Id, string Phone, int Score, DateTimeOffset SentAt);

    /// <summary>
    /// Keeps each reply once with what it asked for; an unsubscribe takes effect for every provider in the same statement.
    /// Returns the score replies not yet applied to an order (a reply pushed again before its order took it comes back).
    /// </summary>
    public async Task<IReadOnlyList<ScoreReply>> ApplyReplies(IReadOnlyList<SmsReply> replies)
    {
        replies = replies.DistinctBy(r => (r.Provider, r.Phone, r.At, r.Text)).ToList();
        if (replies.Count == 0) return [];
        await using var cmd = db.CreateCommand("""
            WITH r AS (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[]) AS r(provider, phone, text, sent_at, action)),
            kept AS (
                INSERT INTO sms_reply (provider, phone, text, sent_at, action) SELECT provider, phone, text, sent_at, action FROM r
                ON CONFLICT (provider, phone, sent_at, text) DO UPDATE SET action = excluded.action
                RETURNING id, provider, phone, text, sent_at, action, applied_at),
            unsubscribed AS (
                INSERT INTO sms_opt_out (phone, opted_out_at, provider, text)
                SELECT DISTINCT ON (phone) phone, sent_at, provider, text FROM kept WHERE action = 'unsubscribe' ORDER BY phone, sent_at
                ON CONFLICT (phone) DO NOTHING)
            SELECT id, phone, text, sent_at FROM kept WHERE action = 'score' AND applied_at IS NULL
            """);
        cmd.Parameters.Add(new() { Value = replies.Select(r => r.Provider).ToArray() });
        cmd.Parameters.Add(new() { Value = replies.Select(r => r.Phone).ToArray() });
        cmd.Parameters.Add(new() { Value = replies.Select(r => r.Text).ToArray() });
        cmd.Parameters.Add(new() { Value = replies.Select(r => r.At.ToUniversalTime()).ToArray() });
        cmd.Parameters.Add(new() { Value = replies.Select(r => SmsReplyRules.IsUnsubscribe(r.Text) ? "unsubscribe" : SmsReplyRules.Score(r.Text) is not null ? "score" : "none").ToArray() });
        var scores = new List<ScoreReply>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            scores.Add(new ScoreReply(reader.GetInt64(0), reader.GetString(1), SmsReplyRules.Score(reader.GetString(2))!.Value, reader.GetFieldValue<DateTimeOffset>(3)));
        return scores;
    }

    /// <summary>The order whose follow-up SMS this number was sent last, within the week before the reply; null if none.</summary>
    public async Task<string?> FollowUpOrder(string phone, DateTimeOffset repliedAt)
    {
        await using var cmd = db.CreateCommand("""
            SELECT o.params->>'orderNo' FROM sms_message m JOIN notification_outbox o ON o.id = m.outbox_id
            WHERE m.phone = $1 AND m.template = 'order.follow-up' AND m.state <> 'dead' AND m.attempted_at <= $2 AND m.attempted_at > $2 - interval '7 days'
            ORDER BY m.attempted_at DESC LIMIT 1
            """);
        cmd.Parameters.Add(new() { Value = phone });
        cmd.Parameters.Add(new() { Value = repliedAt.ToUniversalTime().AddMinutes(5) }); // a phone's clock may run a little ahead of ours
        return await cmd.ExecuteScalarAsync() as string;
    }

    public async Task MarkApplied(long replyId, string? orderNo, DateTimeOffset now)
    {
        await using var cmd = db.CreateCommand("UPDATE sms_reply SET order_no = $2, applied_at = $3 WHERE id = $1");
        cmd.Parameters.Add(new() { Value = replyId });
        cmd.Parameters.Add(new() { Value = (object?)orderNo ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = now.ToUniversalTime() });
        await cmd.ExecuteNonQueryAsync();
    }
}
