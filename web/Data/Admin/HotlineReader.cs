using System.Text.Json;
using HomeService.CallCenter;
using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>
/// Hotline numbers, holiday years, the blacklist and their versions as the back office lists them, from the read tables
/// the hotline, calendar and blacklist grains write with each version (hotline, holiday_calendar, caller_blacklist,
/// call_config_version). Calls never read these: they ask the grains.
/// </summary>
public sealed class HotlineReader(NpgsqlDataSource db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record HotlineRow(string Dialled, string Name, int Version, HotlineSettings Settings, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record VersionRow(int Version, string Change, string ChangedBy, DateTimeOffset ChangedAt, JsonElement Content);

    public sealed record YearRow(int Year, int Version, int Holidays, int Workdays, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record BlacklistRow(string Number, int Version, bool Blocked, string? Reason, DateOnly? ExpiresOn, string? BlockedBy,
        DateTimeOffset? BlockedAt, string? CallId, string? Note, string ChangedBy, DateTimeOffset ChangedAt);

    public sealed record BlacklistPage(IReadOnlyList<BlacklistRow> Items, int Total, int Page, int PageSize);

    public const int PageSize = 50;

    public async Task<IReadOnlyList<HotlineRow>> Hotlines()
    {
        await using var cmd = db.CreateCommand("SELECT dialled, name, version, settings::text, changed_by, changed_at FROM hotline ORDER BY dialled");
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<HotlineRow>();
        while (await r.ReadAsync())
            rows.Add(new HotlineRow(r.GetString(0), r.GetString(1), r.GetInt32(2), JsonSerializer.Deserialize<HotlineSettings>(r.GetString(3), Json)!,
                r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return rows;
    }

    /// <summary>The versions of one hotline, year ("holiday_calendar") or blacklisted number, newest first.</summary>
    public async Task<IReadOnlyList<VersionRow>> Versions(string kind, string id, int limit = 20)
    {
        await using var cmd = db.CreateCommand("""
            SELECT version, change, changed_by, changed_at, content::text FROM call_config_version
            WHERE kind = $1 AND id = $2 ORDER BY version DESC LIMIT $3
            """);
        cmd.Parameters.Add(new() { Value = kind });
        cmd.Parameters.Add(new() { Value = id });
        cmd.Parameters.Add(new() { Value = limit });
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<VersionRow>();
        while (await r.ReadAsync())
            rows.Add(new VersionRow(r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetFieldValue<DateTimeOffset>(3),
                JsonDocument.Parse(r.GetString(4)).RootElement.Clone()));
        return rows;
    }

    public async Task<IReadOnlyList<YearRow>> Years()
    {
        await using var cmd = db.CreateCommand("""
            SELECT year, version, jsonb_array_length(content -> 'holidays'), jsonb_array_length(content -> 'workdays'), changed_by, changed_at
            FROM holiday_calendar ORDER BY year DESC
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<YearRow>();
        while (await r.ReadAsync())
            rows.Add(new YearRow(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return rows;
    }

    /// <summary>
    /// Listed numbers whose number or reason contains <paramref name="q"/>: state "active" (blocked and not expired on
    /// <paramref name="today"/>), "expired", "lifted", or all; the latest change first.
    /// </summary>
    public async Task<BlacklistPage> Blacklist(string? q, string? state, DateOnly today, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        await using var cmd = db.CreateCommand("""
            SELECT number, version, blocked, reason, expires_on, blocked_by, blocked_at, call_id, note, changed_by, changed_at, count(*) OVER ()
            FROM caller_blacklist
            WHERE ($1 = '' OR number LIKE $1 ESCAPE '\' OR reason ILIKE $1 ESCAPE '\')
              AND ($2 = '' OR ($2 = 'active' AND blocked AND expires_on >= $3) OR ($2 = 'expired' AND blocked AND expires_on < $3)
                   OR ($2 = 'lifted' AND NOT blocked))
            ORDER BY changed_at DESC, number
            LIMIT $4 OFFSET $5
            """);
        cmd.Parameters.Add(new() { Value = AccountReader.Like(q) });
        cmd.Parameters.Add(new() { Value = state is "active" or "expired" or "lifted" ? state : "" });
        cmd.Parameters.Add(new() { Value = today });
        cmd.Parameters.Add(new() { Value = PageSize });
        cmd.Parameters.Add(new() { Value = (page - 1) * PageSize });
        var items = new List<BlacklistRow>();
        var total = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            items.Add(new BlacklistRow(r.GetString(0), r.GetInt32(1), r.GetBoolean(2), Text(r, 3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4),
                Text(r, 5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), Text(r, 7), Text(r, 8), r.GetString(9),
                r.GetFieldValue<DateTimeOffset>(10)));
            total = (int)r.GetInt64(11);
        }
        return new BlacklistPage(items, total, page, PageSize);
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
