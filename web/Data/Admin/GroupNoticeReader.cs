using System.Text.Json;
using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>Group notices (消息通知) for admins: each with its recipients' states counted, and one notice's recipients page by page, numbers masked.</summary>
public sealed class GroupNoticeReader(NpgsqlDataSource db)
{
    public const int PageSize = 100;

    public sealed record Notice(string Id, string Text, string AudienceKind, string? Category, string? District, string Status, DateTimeOffset SendAt,
        DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? ReleasedAt, int? Recipients, IReadOnlyDictionary<string, long> States);

    public sealed record Recipient(string Phone, string State, string? ErrorCode, DateTimeOffset? At);

    public sealed record Detail(Notice Notice, IReadOnlyList<Recipient> Recipients, int Page, bool HasMore);

    private const string Select = """
        SELECT n.id, n.text, n.audience_kind, n.category, n.district, n.status, n.send_at, n.created_at, n.created_by, n.released_at, n.recipients,
               (SELECT coalesce(jsonb_object_agg(s.state, s.n), '{}'::jsonb)::text FROM (
                    SELECT coalesce(m.state, 'queued') AS state, count(*) AS n
                    FROM notification_outbox o LEFT JOIN sms_message m ON m.outbox_id = o.id
                    WHERE o.group_notice_id = n.id GROUP BY 1) s)
        FROM group_notice n
        """;

    public async Task<IReadOnlyList<Notice>> Latest()
    {
        await using var cmd = db.CreateCommand($"{Select} ORDER BY n.created_at DESC LIMIT 100");
        var list = new List<Notice>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add(Read(r));
        return list;
    }

    public async Task<Detail?> Get(string id, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        Notice? notice = null;
        await using (var cmd = db.CreateCommand($"{Select} WHERE n.id = $1"))
        {
            cmd.Parameters.Add(new() { Value = id });
            await using var r = await cmd.ExecuteReaderAsync();
            if (await r.ReadAsync()) notice = Read(r);
        }
        if (notice is null) return null;
        var recipients = new List<Recipient>();
        await using (var cmd = db.CreateCommand($"""
            SELECT o.recipient_id, coalesce(m.state, 'queued'), m.error_code, coalesce(m.final_at, m.attempted_at, o.next_attempt_at)
            FROM notification_outbox o LEFT JOIN sms_message m ON m.outbox_id = o.id
            WHERE o.group_notice_id = $1 ORDER BY o.recipient_id LIMIT {PageSize + 1} OFFSET {(page - 1) * PageSize}
            """))
        {
            cmd.Parameters.Add(new() { Value = id });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                recipients.Add(new Recipient(PersonalData.MaskPhone(r.GetString(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                    r.IsDBNull(3) ? null : r.GetFieldValue<DateTimeOffset>(3)));
        }
        var more = recipients.Count > PageSize;
        return new Detail(notice, recipients.Take(PageSize).ToList(), page, more);
    }

    private static Notice Read(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6), r.GetFieldValue<DateTimeOffset>(7), r.GetString(8),
        r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetInt32(10),
        JsonSerializer.Deserialize<Dictionary<string, long>>(r.GetString(11))!);
}
