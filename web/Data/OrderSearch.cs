using System.Globalization;
using HomeService.Web.Data.Csv;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>Lists, filters and exports orders from the read table, and reads an order's audit trail from the event log.</summary>
public sealed class OrderSearch(NpgsqlDataSource db)
{
    public sealed record Filter(string? Kind, string? Status, string? Category, string? MerchantId, string? District, string? Channel,
        DateTimeOffset? From, DateTimeOffset? To, bool? Open, string? Phone, string Sort = "created", bool Descending = true, int Page = 1, int PageSize = 50,
        string? CreatedBy = null);

    public sealed record Row(string OrderNo, string Kind, string? Category, string Status, string Channel, string Phone, string? District,
        string? MerchantId, string? WorkerId, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt);

    public sealed record PageOf(int Total, int Page, int PageSize, IReadOnlyList<Row> Items);

    public sealed record HistoryEntry(int Version, string Event, string? Actor, DateTimeOffset At, string Details);

    private static readonly Dictionary<string, string> SortColumns = new()
    {
        ["created"] = "created_at", ["updated"] = "updated_at", ["status"] = "status", ["order"] = "order_no",
    };

    public async Task<PageOf> Find(Filter f)
    {
        var (where, args) = Where(f);
        var sort = SortColumns.GetValueOrDefault(f.Sort, "created_at");
        var size = Math.Clamp(f.PageSize, 1, 200);
        var page = Math.Max(1, f.Page);
        await using var conn = await db.OpenConnectionAsync();
        int total;
        await using (var count = new NpgsqlCommand($"SELECT count(*) FROM work_order WHERE {where}", conn))
        {
            foreach (var a in args) count.Parameters.Add(new NpgsqlParameter { Value = a });
            total = (int)(long)(await count.ExecuteScalarAsync())!;
        }
        await using var cmd = new NpgsqlCommand($"""
            SELECT order_no, kind, category_code, status, channel, contact_phone, district, merchant_id, worker_id, created_at, updated_at
            FROM work_order WHERE {where} ORDER BY {sort} {(f.Descending ? "DESC" : "ASC")}, order_no LIMIT {size} OFFSET {(page - 1) * size}
            """, conn);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        var items = new List<Row>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            items.Add(new Row(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : r.GetString(8),
                r.GetFieldValue<DateTimeOffset>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10)));
        return new PageOf(total, page, size, items);
    }

    /// <summary>
    /// Every matching order as CSV (see <see cref="CsvExport"/>), written row by row as PostgreSQL returns them: no cap, and
    /// never the whole list in memory (the export used to stop silently at 10,000 rows).
    /// </summary>
    public async Task ExportCsv(Filter f, Stream output, CancellationToken ct)
    {
        var (where, args) = Where(f);
        var sort = SortColumns.GetValueOrDefault(f.Sort, "created_at");
        await using var csv = CsvExport.Writer(output);
        await csv.Header(["order_no", "kind", "category", "status", "channel", "district", "merchant", "worker", "created_at"], ct);
        await using var cmd = db.CreateCommand($"""
            SELECT order_no, kind, category_code, status, channel, district, merchant_id, worker_id, created_at
            FROM work_order WHERE {where} ORDER BY {sort} {(f.Descending ? "DESC" : "ASC")}, order_no
            """);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        var china = TimeSpan.FromHours(8);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            for (var i = 0; i < 8; i++) csv.WriteField(r.IsDBNull(i) ? null : r.GetString(i));
            csv.WriteField(r.GetFieldValue<DateTimeOffset>(8).ToOffset(china).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
            await csv.EndRecordAsync(ct);
        }
    }

    /// <summary>Orders in the last 24 h for the same phone, category and address: shown to the agent, never blocking.</summary>
    public async Task<IReadOnlyList<string>> PossibleDuplicates(string phone, string category, string address)
    {
        await using var cmd = db.CreateCommand("""
            SELECT order_no FROM work_order WHERE contact_phone = $1 AND category_code = $2 AND address = $3 AND created_at > now() - interval '24 hours'
            ORDER BY created_at DESC LIMIT 10
            """);
        cmd.Parameters.Add(new() { Value = phone });
        cmd.Parameters.Add(new() { Value = category });
        cmd.Parameters.Add(new() { Value = address.Trim() });
        var found = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) found.Add(r.GetString(0));
        return found;
    }

    /// <summary>Every change of the order, with actor, time and what changed, straight from the event log.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> History(string orderNo)
    {
        await using var cmd = db.CreateCommand("""
            SELECT version, event_type, actor, occurred_at, payload::text FROM event_log
            WHERE aggregate_type = 'work_order' AND aggregate_id = $1 ORDER BY version
            """);
        cmd.Parameters.Add(new() { Value = orderNo });
        var entries = new List<HistoryEntry>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            entries.Add(new HistoryEntry(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetFieldValue<DateTimeOffset>(3), r.GetString(4)));
        return entries;
    }

    private static (string Where, List<object> Args) Where(Filter f)
    {
        var clauses = new List<string> { "true" };
        var args = new List<object>();
        void Add(string column, object? value)
        {
            if (value is null || value is string { Length: 0 }) return;
            args.Add(value);
            clauses.Add($"{column} = ${args.Count}");
        }
        Add("kind", f.Kind?.ToLowerInvariant());
        Add("status", f.Status);
        Add("category_code", f.Category);
        Add("merchant_id", f.MerchantId);
        Add("district", f.District);
        Add("channel", f.Channel);
        Add("contact_phone", f.Phone);
        Add("open", f.Open);
        Add("created_by", f.CreatedBy);
        if (f.From is { } from) { args.Add(from.ToUniversalTime()); clauses.Add($"created_at >= ${args.Count}"); }
        if (f.To is { } to) { args.Add(to.ToUniversalTime()); clauses.Add($"created_at < ${args.Count}"); }
        return (string.Join(" AND ", clauses), args);
    }
}
