using Microsoft.Extensions.Logging;
using Npgsql;

namespace HomeService.Sms;

/// <summary>
/// Reports get lost. A sent message whose report has not come is asked for by its provider's status query (claimed with
/// SKIP LOCKED, so one silo asks), and takes the state the provider gives; one still silent once the provider no longer
/// keeps it is marked unknown. Every update is from "sent" only, so a report that arrives meanwhile wins and nothing
/// ever has two final states. An unknown one may go again as a new message through the other provider (<see cref="SmsUnknownRule"/>),
/// written in the same statement that settles the first, so it goes once whichever silo settles it.
/// </summary>
public sealed class SmsStatusChaser(NpgsqlDataSource db, IReadOnlyList<ISmsProvider> providers, SmsOptions options, TimeProvider clock,
    ILogger<SmsStatusChaser> logger)
{
    public const int Batch = 100;

    /// <param name="ProviderOutId">The out id the provider was given: the outbox id, or its batch's.</param>
    private sealed record Silent(Guid OutId, Guid ProviderOutId, string Provider, string Phone, string? MessageId, DateTimeOffset SentAt, string Template, bool IsResend);

    /// <summary>One batch; returns how many messages it asked about.</summary>
    public async Task<int> Round(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var silent = await Claim(now, ct);
        foreach (var m in silent)
        {
            SmsStatus? status = null;
            if (providers.FirstOrDefault(p => p.Name == m.Provider) is { } provider)
            {
                try
                {
                    status = await provider.Status(new SmsSentRecord(m.ProviderOutId, m.Phone, m.MessageId, m.SentAt), ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                {
                    logger.LogWarning("SMS status query for {Id} at {Provider} failed: {Error}", m.OutId, m.Provider, e.Message);
                }
            }
            if (status is { Final: true })
                await Finish(m.OutId, status.Delivered ? "delivered" : "failed", status.Delivered ? null : status.Code ?? "failed", status.Description, now, ct);
            else if (now - m.SentAt >= options.UnknownAfter)
            {
                // The SMS log says where it went again, beside the first message's reason.
                var again = SmsUnknownRule.ResendThrough(m.Template, m.Provider, options, m.IsResend);
                await Finish(m.OutId, "unknown", "no-report",
                    "no status report and no answer from the status query" + (again is null ? "" : $"; sent again through {again}"), now, ct,
                    again is null ? null : m.Provider);
            }
        }
        return silent.Count;
    }

    private async Task<List<Silent>> Claim(DateTimeOffset now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE sms_message m SET checked_at = $1
            FROM (SELECT outbox_id FROM sms_message
                  WHERE state = 'sent' AND attempted_at <= $2 AND (checked_at IS NULL OR checked_at <= $3)
                  ORDER BY attempted_at LIMIT $4 FOR UPDATE SKIP LOCKED) due
            WHERE m.outbox_id = due.outbox_id
            RETURNING m.outbox_id, m.provider, m.phone, m.provider_message_id, m.attempted_at, m.template,
                EXISTS (SELECT 1 FROM notification_outbox o WHERE o.id = m.outbox_id AND o.resend_of IS NOT NULL), coalesce(m.out_id, m.outbox_id)
            """);
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = now - options.QueryAfter });
        cmd.Parameters.Add(new() { Value = now - options.QueryEvery });
        cmd.Parameters.Add(new() { Value = Batch });
        var list = new List<Silent>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Silent(r.GetGuid(0), r.GetGuid(7), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                r.GetString(5), r.GetBoolean(6)));
        return list;
    }

    /// <param name="resendAvoiding">Send it again as a new message, through any provider but this one.</param>
    private async Task Finish(Guid outId, string state, string? code, string? description, DateTimeOffset now, CancellationToken ct,
        string? resendAvoiding = null)
    {
        await using var cmd = db.CreateCommand("""
            WITH settled AS (
                UPDATE sms_message SET state = $2, error_code = $3, error_message = $4, final_at = $5 WHERE outbox_id = $1 AND state = 'sent'
                RETURNING outbox_id)
            INSERT INTO notification_outbox (channel, recipient_kind, recipient_id, template, params, dedup_key, avoid_provider, resend_of)
            SELECT o.channel, o.recipient_kind, o.recipient_id, o.template, o.params, o.dedup_key || ':unknown-resend', $6, o.id
            FROM notification_outbox o JOIN settled ON settled.outbox_id = o.id
            WHERE $6::text IS NOT NULL
            ON CONFLICT (dedup_key) DO NOTHING
            """);
        cmd.Parameters.Add(new() { Value = outId });
        cmd.Parameters.Add(new() { Value = state });
        cmd.Parameters.Add(new() { Value = (object?)code ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = (object?)description ?? DBNull.Value });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = (object?)resendAvoiding ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
