using System.Globalization;
using HomeService.Web.Data.Csv;
using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>
/// The SMS log (短信日志) for admins: every SMS the center owes, queued, held, sent or final, newest first, with numbers
/// masked unless revealed (an alert merged into a digest shows as merged, and costs nothing); and the daily counts and
/// billed parts by kind and provider.
/// </summary>
public sealed class SmsLogReader(NpgsqlDataSource db)
{
    public const int PageSize = 50;
    public static readonly string[] States = ["queued", "sent", "delivered", "failed", "unknown", "dead", "merged"];
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public sealed record Filter(string Phone = "", string Template = "", string State = "", DateOnly? From = null, DateOnly? To = null);

    public sealed record Message(Guid OutboxId, string Phone, string Template, string? Provider, string State, int? Segments, string? ErrorCode,
        string? Error, DateTimeOffset CreatedAt, DateTimeOffset? AttemptedAt, DateTimeOffset? FinalAt, DateTimeOffset? HeldUntil, string? Text);

    public sealed record MessagePage(IReadOnlyList<Message> Items, int Page, int PageSize, bool HasMore);

    public sealed record Day(DateOnly Date, string Template, string Provider, long Messages, long Segments, long Delivered, long Failed, long Unknown,
        long Dead, long Pending);

    private const string Rows = """
        SELECT o.id, coalesce(m.phone, CASE o.recipient_kind WHEN 'phone' THEN o.recipient_id ELSE o.recipient_kind || ':' || o.recipient_id END) AS phone,
               o.template, m.provider, coalesce(m.state, CASE WHEN o.merged_into IS NOT NULL THEN 'merged' ELSE 'queued' END) AS state, m.segments, m.error_code, coalesce(m.error_message, o.last_error) AS error,
               o.created_at, m.attempted_at, m.final_at, CASE WHEN m.state IS NULL THEN o.next_attempt_at END AS held_until, m.text
        FROM notification_outbox o LEFT JOIN sms_message m ON m.outbox_id = o.id
        WHERE o.channel = 'sms'
        """;

    public async Task<MessagePage> Search(Filter filter, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        await using var cmd = db.CreateCommand($"""
            SELECT * FROM ({Rows}) s
            WHERE ($1 = '' OR phone = $1) AND ($2 = '' OR template = $2) AND ($3 = '' OR state = $3)
              AND ($4::timestamptz IS NULL OR created_at >= $4) AND ($5::timestamptz IS NULL OR created_at < $5)
            ORDER BY created_at DESC, id LIMIT {PageSize + 1} OFFSET {(page - 1) * PageSize}
            """);
        Bind(cmd, filter);
        var items = new List<Message>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            items.Add(new Message(r.GetGuid(0), r.GetString(1), r.GetString(2), Text(r, 3), r.GetString(4), r.IsDBNull(5) ? null : r.GetInt32(5),
                Text(r, 6), Text(r, 7), r.GetFieldValue<DateTimeOffset>(8), Time(r, 9), Time(r, 10), Time(r, 11), Text(r, 12)));
        var more = items.Count > PageSize;
        return new MessagePage(more ? items[..PageSize] : items, page, PageSize, more);
    }

    /// <summary>One message's number in full, or null when there is no such SMS.</summary>
    public async Task<string?> Phone(Guid outboxId)
    {
        await using var cmd = db.CreateCommand($"SELECT phone FROM ({Rows}) s WHERE id = $1");
        cmd.Parameters.Add(new() { Value = outboxId });
        return await cmd.ExecuteScalarAsync() as string;
    }

    /// <summary>Per Beijing day, kind and provider: messages, billed parts, and how many reached each final state.</summary>
    public async Task<IReadOnlyList<Day>> Daily(DateOnly from, DateOnly to)
    {
        await using var cmd = db.CreateCommand("""
            SELECT (attempted_at AT TIME ZONE 'Asia/Shanghai')::date AS day, template, provider, count(*), coalesce(sum(segments) FILTER (WHERE state <> 'dead'), 0),
                   count(*) FILTER (WHERE state = 'delivered'), count(*) FILTER (WHERE state = 'failed'), count(*) FILTER (WHERE state = 'unknown'),
                   count(*) FILTER (WHERE state = 'dead'), count(*) FILTER (WHERE state = 'sent')
            FROM sms_message WHERE attempted_at >= $1 AND attempted_at < $2
            GROUP BY 1, 2, 3 ORDER BY 1 DESC, 2, 3
            """);
        cmd.Parameters.Add(new() { Value = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), China).ToUniversalTime() });
        var days = new List<Day>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            days.Add(new Day(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5),
                r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)));
        return days;
    }

    /// <summary>The daily counts as CSV (see <see cref="CsvExport"/>).</summary>
    public async Task ExportDaily(DateOnly from, DateOnly to, Stream output, IReadOnlyList<string> header, CancellationToken ct)
    {
        await using var csv = CsvExport.Writer(output);
        await csv.Header(header, ct);
        foreach (var d in await Daily(from, to))
        {
            csv.WriteField(d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            csv.WriteField(d.Template);
            csv.WriteField(d.Provider);
            foreach (var count in new[] { d.Messages, d.Segments, d.Delivered, d.Failed, d.Unknown, d.Dead, d.Pending }) csv.WriteField(count);
            await csv.EndRecordAsync(ct);
        }
    }

    private static void Bind(NpgsqlCommand cmd, Filter f)
    {
        cmd.Parameters.Add(new() { Value = f.Phone });
        cmd.Parameters.Add(new() { Value = f.Template });
        cmd.Parameters.Add(new() { Value = f.State });
        cmd.Parameters.Add(new() { Value = f.From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime() : (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = f.To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), China).ToUniversalTime() : (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
