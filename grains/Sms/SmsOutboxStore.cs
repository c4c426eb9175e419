using Npgsql;

namespace HomeService.Sms;

/// <summary>
/// The SMS rows of the notification outbox in PostgreSQL. A sender claims due rows with SKIP LOCKED and pushes their next
/// attempt a lease ahead (a new row is due at once, whatever a test's clock says), so two senders never hold the same row and a sender that dies mid-send only delays the retry;
/// its results are written in one statement per kind, and a row already marked by someone else is left as it is.
/// </summary>
public sealed class SmsOutboxStore(NpgsqlDataSource db)
{
    /// <summary>A claimed row: the phone resolved from its recipient (a merchant's or worker's number as it is now).</summary>
    /// <param name="Uncertain">The previous claim never wrote an answer (its sender died): a provider may already have the message.</param>
    /// <param name="AvoidProvider">A resend of a message whose fate stayed unknown there: it goes through any provider but this one.</param>
    /// <param name="CategoryName">The Chinese name of the service category in its parameters, as the catalogue has it now.</param>
    /// <param name="GroupNoticeId">The group notice it is one recipient of: it may go in a batch with the notice's other rows.</param>
    /// <param name="BatchOutId">The out id of the batch it last went in, if any: the provider knows it by that and its number.</param>
    public sealed record Due(Guid Id, string Template, string ParamsJson, int Attempts, DateTimeOffset CreatedAt, string? Phone, bool Uncertain,
        string? AvoidProvider = null, string? CategoryName = null, string? GroupNoticeId = null, Guid? BatchOutId = null)
    {
        /// <summary>The out id a provider knows its last attempt by.</summary>
        public Guid OutId => BatchOutId ?? Id;

        /// <summary>Set by the sender: a marketing or group notice to a number that replied TD.</summary>
        public bool OptedOut { get; init; }
    }

    /// <param name="OutId">The out id it went under when not the row's own (a batch's).</param>
    public sealed record Sent(Guid Id, string Provider, string MessageId, string Phone, string Text, int Segments, Guid? OutId = null);

    public sealed record Dead(Guid Id, string? Provider, string? Phone, string? Text, int Segments, string Code, string? Reason);

    public async Task<List<Due>> Claim(int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE notification_outbox o SET attempts = o.attempts + 1, next_attempt_at = $3, in_flight = true
            FROM (SELECT id, in_flight FROM notification_outbox
                  WHERE channel = 'sms' AND sent_at IS NULL AND dead_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
                  ORDER BY coalesce(next_attempt_at, created_at) LIMIT $1 FOR UPDATE SKIP LOCKED) due
            WHERE o.id = due.id
            RETURNING o.id, o.template, o.params::text, o.attempts, o.created_at, due.in_flight, o.avoid_provider, o.group_notice_id, o.batch_out_id,
                (SELECT c.name_zh FROM service_category c WHERE c.code = o.params->>'category'),
                CASE o.recipient_kind
                    WHEN 'phone' THEN o.recipient_id
                    WHEN 'merchant' THEN (SELECT phone FROM merchant WHERE id = o.recipient_id)
                    WHEN 'worker' THEN (SELECT phone FROM worker WHERE id = o.recipient_id)
                    WHEN 'member' THEN (SELECT phone FROM member WHERE id = o.recipient_id)
                END
            """);
        cmd.Parameters.Add(new() { Value = max });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = now + lease });
        var due = new List<Due>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            due.Add(new Due(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<DateTimeOffset>(4), r.IsDBNull(10) ? null : r.GetString(10),
                r.GetBoolean(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(7) ? null : r.GetString(7),
                r.IsDBNull(8) ? null : r.GetGuid(8)));
        return due;
    }

    /// <summary>Marks messages the providers took; their secret parameters (a code) leave the outbox in the same statement.</summary>
    public async Task MarkSent(IReadOnlyList<Sent> sent, DateTimeOffset now, CancellationToken ct)
    {
        if (sent.Count == 0) return;
        await using var cmd = db.CreateCommand("""
            WITH s AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $9::uuid[])
                       AS s(id, provider, message_id, phone, text, segments, out_id)),
            done AS (
                UPDATE notification_outbox o SET sent_at = $7, last_error = NULL, next_attempt_at = NULL, in_flight = false, params = o.params - $8::text[]
                FROM s WHERE o.id = s.id AND o.sent_at IS NULL AND o.dead_at IS NULL
                RETURNING o.id, o.template)
            INSERT INTO sms_message (outbox_id, phone, template, provider, provider_message_id, text, segments, state, attempted_at, out_id)
            SELECT done.id, s.phone, done.template, s.provider, s.message_id, s.text, s.segments, 'sent', $7, s.out_id FROM done JOIN s ON s.id = done.id
            ON CONFLICT (outbox_id) DO NOTHING
            """);
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.Id).ToArray() });
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.Provider).ToArray() });
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.MessageId).ToArray() });
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.Phone).ToArray() });
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.Text).ToArray() });
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.Segments).ToArray() });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = SmsTemplates.Secret.ToArray() });
        cmd.Parameters.Add(new() { Value = sent.Select(s => s.OutId).ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes a batch's out id on its rows before the request goes, so whoever claims one of them after a crash asks the
    /// providers for that out id and its number.
    /// </summary>
    public async Task StampBatch(Guid outId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE notification_outbox SET batch_out_id = $1 WHERE id = ANY($2) AND sent_at IS NULL AND dead_at IS NULL");
        cmd.Parameters.Add(new() { Value = outId });
        cmd.Parameters.Add(new() { Value = ids.ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Dead-letters messages that can never go as they are, with the reason; their secrets are cleared too.</summary>
    public async Task MarkDead(IReadOnlyList<Dead> dead, DateTimeOffset now, CancellationToken ct)
    {
        if (dead.Count == 0) return;
        await using var cmd = db.CreateCommand("""
            WITH s AS (SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
                       AS s(id, provider, phone, text, segments, code, reason)),
            done AS (
                UPDATE notification_outbox o SET dead_at = $8, next_attempt_at = NULL, in_flight = false, params = o.params - $9::text[],
                    last_error = s.code || coalesce(': ' || s.reason, '')
                FROM s WHERE o.id = s.id AND o.sent_at IS NULL AND o.dead_at IS NULL
                RETURNING o.id, o.template, o.recipient_id)
            INSERT INTO sms_message (outbox_id, phone, template, provider, text, segments, state, error_code, error_message, attempted_at, final_at)
            SELECT done.id, coalesce(s.phone, done.recipient_id), done.template, coalesce(s.provider, ''), coalesce(s.text, ''), s.segments, 'dead',
                s.code, s.reason, $8, $8
            FROM done JOIN s ON s.id = done.id
            ON CONFLICT (outbox_id) DO UPDATE SET state = 'dead', error_code = excluded.error_code, error_message = excluded.error_message,
                attempted_at = excluded.attempted_at, final_at = excluded.final_at
            """);
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Id).ToArray() });
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Provider).ToArray() });
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Phone).ToArray() });
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Text).ToArray() });
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Segments).ToArray() });
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Code).ToArray() });
        cmd.Parameters.Add(new() { Value = dead.Select(d => d.Reason).ToArray() });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = SmsTemplates.Secret.ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What these numbers were sent since <paramref name="since"/> (not counting dead letters): when, by kind, and the texts sent since <paramref name="textsSince"/>.</summary>
    public sealed record Sending(Dictionary<(string Phone, string Kind), List<DateTimeOffset>> Times, Dictionary<string, List<(DateTimeOffset At, string Text)>> Texts);

    public async Task<Sending> History(string[] phones, DateTimeOffset since, DateTimeOffset textsSince, CancellationToken ct)
    {
        var history = new Sending([], []);
        if (phones.Length == 0) return history;
        await using var cmd = db.CreateCommand("""
            SELECT phone, template, attempted_at, CASE WHEN attempted_at > $3 THEN text END FROM sms_message
            WHERE phone = ANY($1) AND attempted_at > $2 AND state <> 'dead'
            """);
        cmd.Parameters.Add(new() { Value = phones });
        cmd.Parameters.Add(new() { Value = since });
        cmd.Parameters.Add(new() { Value = textsSince });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var key = (r.GetString(0), SmsDigests.WindowKind(r.GetString(1)));
            if (!history.Times.TryGetValue(key, out var times)) history.Times[key] = times = [];
            times.Add(r.GetFieldValue<DateTimeOffset>(2));
            if (r.IsDBNull(3)) continue;
            if (!history.Texts.TryGetValue(key.Item1, out var texts)) history.Texts[key.Item1] = texts = [];
            texts.Add((r.GetFieldValue<DateTimeOffset>(2), r.GetString(3)));
        }
        return history;
    }

    /// <summary>
    /// Absorbs the unsent alerts of the same kind to the same recipient that no sender holds into this one, which becomes
    /// their digest, all in one transaction: each absorbed row is done, pointing at its carrier. Returns the digest's
    /// template and parameters, or null when there was nothing to absorb.
    /// </summary>
    public async Task<(string Template, string ParamsJson)?> Merge(Guid carrierId, string digestKind, DateTimeOffset now, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var absorb = new NpgsqlCommand("""
            UPDATE notification_outbox o SET sent_at = $2, merged_into = $1, next_attempt_at = NULL, last_error = NULL, in_flight = false
            FROM notification_outbox c
            WHERE c.id = $1 AND o.id IN (
                SELECT s.id FROM notification_outbox s JOIN notification_outbox c2 ON c2.id = $1
                WHERE s.channel = 'sms' AND s.template = c2.template AND s.recipient_kind = c2.recipient_kind AND s.recipient_id = c2.recipient_id
                  AND s.id <> c2.id AND s.sent_at IS NULL AND s.dead_at IS NULL AND NOT s.in_flight
                FOR UPDATE OF s SKIP LOCKED)
            RETURNING c.params->>'orderNo', o.params->>'orderNo', o.created_at
            """, conn, tx);
        absorb.Parameters.Add(new() { Value = carrierId });
        absorb.Parameters.Add(new() { Value = now });
        string? first = null;
        var others = new List<(string OrderNo, DateTimeOffset At)>();
        await using (var r = await absorb.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                first = r.IsDBNull(0) ? "" : r.GetString(0);
                others.Add((r.IsDBNull(1) ? "" : r.GetString(1), r.GetFieldValue<DateTimeOffset>(2)));
            }
        if (first is null) return null;
        var json = System.Text.Json.JsonSerializer.Serialize(SmsDigests.Parameters([first, .. others.OrderBy(o => o.At).Select(o => o.OrderNo)]));
        await using var become = new NpgsqlCommand("UPDATE notification_outbox SET template = $2, params = $3::jsonb WHERE id = $1", conn, tx);
        become.Parameters.Add(new() { Value = carrierId });
        become.Parameters.Add(new() { Value = digestKind });
        become.Parameters.Add(new() { Value = json });
        await become.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return (digestKind, json);
    }

    /// <summary>Which of these numbers replied TD (退订).</summary>
    public async Task<HashSet<string>> OptedOut(string[] phones, CancellationToken ct)
    {
        var opted = new HashSet<string>();
        if (phones.Length == 0) return opted;
        await using var cmd = db.CreateCommand("SELECT phone FROM sms_opt_out WHERE phone = ANY($1)");
        cmd.Parameters.Add(new() { Value = phones });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) opted.Add(r.GetString(0));
        return opted;
    }

    /// <summary>Holds a message until a moment (quiet hours, a flow window); a hold is not an attempt.</summary>
    public async Task Hold(Guid id, DateTimeOffset until, string reason, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE notification_outbox SET next_attempt_at = $2, attempts = greatest(attempts - 1, 0), last_error = $3, in_flight = false
            WHERE id = $1 AND sent_at IS NULL AND dead_at IS NULL
            """);
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = until });
        cmd.Parameters.Add(new() { Value = reason });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Puts a message back for a later attempt, keeping why this one failed.</summary>
    public async Task Retry(Guid id, DateTimeOffset at, string error, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            "UPDATE notification_outbox SET next_attempt_at = $2, last_error = $3, in_flight = false WHERE id = $1 AND sent_at IS NULL AND dead_at IS NULL");
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = at });
        cmd.Parameters.Add(new() { Value = error });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
