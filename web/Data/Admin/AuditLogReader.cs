using System.Globalization;
using HomeService.Web.Data.Csv;
using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>
/// The audit log (操作日志) as the back office searches, pages and exports it: back-office changes and sign-ins from
/// audit_log, and the supervisor seat's actions from supervisor_audit, newest first.
/// </summary>
public sealed class AuditLogReader(NpgsqlDataSource db)
{
    public sealed record Entry(long Id, DateTimeOffset At, string Actor, string? Address, string Action, string TargetKind, string TargetId,
        string? Before, string? After);

    public sealed record Filter(string? Q = null, string? Action = null, DateOnly? From = null, DateOnly? To = null);

    public sealed record EntryPage(IReadOnlyList<Entry> Items, int Page, int PageSize, bool HasMore);

    public const int PageSize = 50;
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Supervisors' actions keep their own table (written with the call's events) and join here.
    private const string Entries = """
        SELECT id, at, actor, address, action, target_kind, target_id, before::text AS before, after::text AS after FROM audit_log
        UNION ALL
        SELECT id, at, 'supervisor:' || supervisor, NULL, 'supervisor.' || action, 'agent', coalesce(target_agent, ''), NULL,
               jsonb_build_object('callId', call_id, 'reason', reason)::text
        FROM supervisor_audit
        """;

    private const string Where = """
        WHERE ($1 = '' OR actor ILIKE $1 ESCAPE '\' OR target_id ILIKE $1 ESCAPE '\')
          AND ($2 = '' OR action = $2 OR action LIKE $2 || '.%')
          AND ($3::timestamptz IS NULL OR at >= $3)
          AND ($4::timestamptz IS NULL OR at < $4)
        """;

    /// <summary>One page, newest first; no total is counted, so a log of millions pages as fast as a short one.</summary>
    public async Task<EntryPage> Search(Filter filter, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        await using var cmd = Command($"SELECT * FROM ({Entries}) e {Where} ORDER BY at DESC, id DESC LIMIT {PageSize + 1} OFFSET {(page - 1) * PageSize}", filter);
        var items = new List<Entry>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) items.Add(Read(r));
        var more = items.Count > PageSize;
        return new EntryPage(more ? items[..PageSize] : items, page, PageSize, more);
    }

    /// <summary>The latest entries about one thing (an account's history on its page).</summary>
    public async Task<IReadOnlyList<Entry>> About(string kind, string id, int limit = 20)
    {
        await using var cmd = db.CreateCommand($"""
            SELECT id, at, actor, address, action, target_kind, target_id, before::text, after::text FROM audit_log
            WHERE target_kind = $1 AND target_id = $2 ORDER BY at DESC, id DESC LIMIT {limit}
            """);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = id });
        var items = new List<Entry>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) items.Add(Read(r));
        return items;
    }

    /// <summary>
    /// Every matching entry as CSV (see <see cref="CsvExport"/>: BOM, formula prefixes defused), streamed as it is read: no
    /// row limit.
    /// </summary>
    public async Task ExportCsv(Filter filter, Stream output, IReadOnlyList<string> header, CancellationToken ct)
    {
        await using var csv = CsvExport.Writer(output);
        await csv.Header(header, ct);
        await using var cmd = Command($"SELECT * FROM ({Entries}) e {Where} ORDER BY at DESC, id DESC", filter);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var e = Read(r);
            csv.WriteField(e.At.ToOffset(China).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            csv.WriteField(e.Actor);
            csv.WriteField(e.Address ?? "");
            csv.WriteField(e.Action);
            csv.WriteField(e.TargetKind);
            csv.WriteField(e.TargetId);
            csv.WriteField(e.Before ?? "");
            csv.WriteField(e.After ?? "");
            await csv.EndRecordAsync(ct);
        }
    }

    private NpgsqlCommand Command(string sql, Filter filter)
    {
        var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(new() { Value = AccountReader.Like(filter.Q) });
        cmd.Parameters.Add(new() { Value = filter.Action?.Trim() ?? "" });
        cmd.Parameters.Add(new() { Value = Start(filter.From) ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new() { Value = Start(filter.To?.AddDays(1)) ?? (object)DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return cmd;
    }

    /// <summary>A day in Beijing time as the UTC instant it starts.</summary>
    private static DateTime? Start(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), China).UtcDateTime : null;

    private static Entry Read(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2),
        r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8));
}
