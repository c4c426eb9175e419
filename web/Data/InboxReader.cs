using Npgsql;

namespace HomeService.Web.Data;

/// <summary>A recipient's in-app notifications (系统通知), newest first, with read and unread.</summary>
public sealed class InboxReader(NpgsqlDataSource db)
{
    public sealed record Notice(Guid Id, string Template, System.Text.Json.JsonElement Parameters, DateTimeOffset CreatedAt, bool Read);

    public async Task<IReadOnlyList<Notice>> List(string kind, string recipient, bool unreadOnly)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, template, params::text, created_at, read_at IS NOT NULL FROM notification_outbox
            WHERE channel = 'in-app' AND recipient_kind = $1 AND recipient_id = $2 AND (NOT $3 OR read_at IS NULL)
            ORDER BY created_at DESC LIMIT 200
            """);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = recipient });
        cmd.Parameters.Add(new() { Value = unreadOnly });
        var list = new List<Notice>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            list.Add(new Notice(r.GetGuid(0), r.GetString(1), System.Text.Json.JsonDocument.Parse(r.GetString(2)).RootElement.Clone(),
                r.GetFieldValue<DateTimeOffset>(3), r.GetBoolean(4)));
        return list;
    }

    /// <summary>Marks the recipient's own notices read (all when <paramref name="ids"/> is null); returns how many changed.</summary>
    public async Task<int> MarkRead(string kind, string recipient, Guid[]? ids)
    {
        await using var cmd = db.CreateCommand("""
            UPDATE notification_outbox SET read_at = now()
            WHERE channel = 'in-app' AND recipient_kind = $1 AND recipient_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3))
            """);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = recipient });
        cmd.Parameters.Add(new() { Value = (object?)ids ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Uuid });
        return await cmd.ExecuteNonQueryAsync();
    }
}
