using Npgsql;

namespace HomeService.Web.Sms;

/// <summary>An admin's resend of a dead-lettered SMS: back in the outbox as new, unless it carried a code (which is gone: the resident asks again).</summary>
public sealed class SmsDeadLetters(NpgsqlDataSource db)
{
    public enum Outcome { Resent, NotFound, NotDead, CarriedACode }

    public async Task<Outcome> Resend(Guid outboxId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var read = new NpgsqlCommand("SELECT template, dead_at IS NOT NULL FROM notification_outbox WHERE id = $1 AND channel = 'sms' FOR UPDATE", conn, tx);
        read.Parameters.Add(new() { Value = outboxId });
        string template;
        bool dead;
        await using (var r = await read.ExecuteReaderAsync())
        {
            if (!await r.ReadAsync()) return Outcome.NotFound;
            (template, dead) = (r.GetString(0), r.GetBoolean(1));
        }
        if (!dead) return Outcome.NotDead;
        if (template == "verification.code") return Outcome.CarriedACode;
        foreach (var sql in new[]
        {
            "DELETE FROM sms_message WHERE outbox_id = $1 AND state = 'dead'",
            "UPDATE notification_outbox SET dead_at = NULL, next_attempt_at = NULL, attempts = 0, last_error = NULL, in_flight = false WHERE id = $1",
        })
        {
            await using var reset = new NpgsqlCommand(sql, conn, tx);
            reset.Parameters.Add(new() { Value = outboxId });
            await reset.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        return Outcome.Resent;
    }
}
