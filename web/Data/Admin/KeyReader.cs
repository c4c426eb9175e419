using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>API keys as the back office lists them, from the api_key read table: searched, filtered and paged in the database.</summary>
public sealed class KeyReader(NpgsqlDataSource db, TimeProvider clock)
{
    public sealed record KeyRow(string KeyId, string Name, string Kind, string? PartnerId, DateTimeOffset IssuedAt, DateTimeOffset? ExpiresAt,
        DateTimeOffset? RevokedAt, string? RevokedReason, string? RotatedTo, string? RotatedFrom, DateTimeOffset? LastUsedAt, string State);

    public sealed record KeyPage(IReadOnlyList<KeyRow> Items, int Total, int Page, int PageSize);

    public const int PageSize = 50;

    // $1 text, $2 kind, $3 state, $4 now, $5 now + the expiring window: the same sentences as KeyStanding.Of.
    private const string Where = """
        WHERE ($1 = '' OR key_id ILIKE $1 ESCAPE '\' OR name ILIKE $1 ESCAPE '\' OR partner_id ILIKE $1 ESCAPE '\')
          AND ($2 = '' OR kind = $2)
          AND CASE $3
                WHEN 'revoked' THEN revoked_at IS NOT NULL
                WHEN 'expired' THEN revoked_at IS NULL AND expires_at <= $4
                WHEN 'expiring' THEN revoked_at IS NULL AND expires_at > $4 AND expires_at <= $5
                WHEN 'active' THEN revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $5)
                ELSE true
              END
        """;

    /// <summary>Keys whose id, name or partner contains <paramref name="q"/>, of a kind and a state, newest first.</summary>
    public async Task<KeyPage> List(string? q, string? kind, string? state, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        var now = clock.GetUtcNow();
        await using var cmd = db.CreateCommand($"""
            SELECT key_id, name, kind, partner_id, created_at, expires_at, revoked_at, revoked_reason, rotated_to, rotated_from, last_used_at,
                   count(*) OVER ()
            FROM api_key
            {Where}
            ORDER BY created_at DESC, key_id
            LIMIT $6 OFFSET $7
            """);
        Filter(cmd, q, kind, state, now);
        cmd.Parameters.Add(new() { Value = PageSize });
        cmd.Parameters.Add(new() { Value = (page - 1) * PageSize });
        var items = new List<KeyRow>();
        var total = 0;
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                var expires = At(r, 5);
                var revoked = At(r, 6);
                items.Add(new KeyRow(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetFieldValue<DateTimeOffset>(4), expires, revoked,
                    Text(r, 7), Text(r, 8), Text(r, 9), At(r, 10), KeyStanding.Of(revoked, expires, now)));
                total = (int)r.GetInt64(11);
            }
        }
        if (items.Count == 0 && page > 1)
        {
            await using var count = db.CreateCommand($"SELECT count(*) FROM api_key {Where}");
            Filter(count, q, kind, state, now);
            total = (int)(long)(await count.ExecuteScalarAsync())!;
        }
        return new KeyPage(items, total, page, PageSize);
    }

    private static void Filter(NpgsqlCommand cmd, string? q, string? kind, string? state, DateTimeOffset now)
    {
        cmd.Parameters.Add(new() { Value = AccountReader.Like(q) });
        cmd.Parameters.Add(new() { Value = kind is { Length: <= 32 } ? kind : "" });
        cmd.Parameters.Add(new() { Value = state is not null && KeyStanding.All.Contains(state) ? state : "" });
        cmd.Parameters.Add(new() { Value = now });
        cmd.Parameters.Add(new() { Value = now + KeyStanding.ExpiringWithin });
    }

    private static DateTimeOffset? At(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
