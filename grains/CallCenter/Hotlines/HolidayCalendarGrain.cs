using System.Globalization;
using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// The holiday calendar (key 0): every year entered, read once from holiday_calendar and then answered from memory.
/// Each year is its own aggregate ("holiday_calendar", the year): a version is an event with the year's full dates,
/// written with the year's row, the version row and an audit line of before and after.
/// </summary>
public sealed class HolidayCalendarGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IHolidayCalendarGrain
{
    private readonly Dictionary<int, HolidayYearVersion> _years = new();
    private BusinessCalendar _calendar = new([]);

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT year, version, content::text, changed_by, changed_at FROM holiday_calendar");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            _years[r.GetInt32(0)] = new HolidayYearVersion(JsonSerializer.Deserialize<HolidayYear>(r.GetString(2), ConfigVersions.Json)!,
                r.GetInt32(1), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4));
        _calendar = new BusinessCalendar(_years.Values.Select(y => y.Content));
    }

    public Task<DayRule> Day(DateOnly date) => Task.FromResult(_calendar.Classify(date));

    public Task<HolidayYearVersion?> GetYear(int year) => Task.FromResult(_years.GetValueOrDefault(year));

    public async Task<CommandResult<HolidayYearVersion>> SaveYear(HolidayYear content, int? baseVersion, string actor)
    {
        var errors = HolidayYearRules.Validate(HolidayYearRules.Trim(content));
        var year = HolidayYearRules.Sorted(HolidayYearRules.Trim(content));
        var current = _years.GetValueOrDefault(year.Year);
        if (baseVersion is { } seen && seen != (current?.Version ?? 0)) errors.TryAdd("version", ["edited-meanwhile"]);
        if (errors.Count > 0) return CommandResult<HolidayYearVersion>.Invalid(errors);
        if (current is not null && Json(current.Content) == Json(year)) return CommandResult<HolidayYearVersion>.Ok(current);
        return CommandResult<HolidayYearVersion>.Ok(await Change(year, ConfigVersions.Saved, actor));
    }

    public async Task<CommandResult<HolidayYearVersion>> RevertYear(int year, string actor)
    {
        if (_years.GetValueOrDefault(year) is not { } current) return ConfigVersions.Invalid<HolidayYearVersion>("year", "unknown");
        var previous = current.Version > 1
            ? await ConfigVersions.Read<HolidayYear>(db, ConfigVersions.Calendar, Id(year), current.Version - 1)
            : null;
        return CommandResult<HolidayYearVersion>.Ok(await Change(previous ?? new HolidayYear(year, [], []), ConfigVersions.Reverted, actor));
    }

    private async Task<HolidayYearVersion> Change(HolidayYear year, string change, string actor)
    {
        var before = _years.GetValueOrDefault(year.Year);
        var now = clock.GetUtcNow();
        var saved = new HolidayYearVersion(year, (before?.Version ?? 0) + 1, actor, now);
        var json = Json(year);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord(ConfigVersions.Calendar, Id(year.Year), saved.Version, "HolidayYearSaved",
                JsonSerializer.Serialize(new { content = year, change }, ConfigVersions.Json), actor, now),
            new ReadModelWrite("""
                INSERT INTO holiday_calendar (year, version, content, changed_by, changed_at) VALUES ($1, $2, $3::jsonb, $4, $5)
                ON CONFLICT (year) DO UPDATE SET version = $2, content = $3::jsonb, changed_by = $4, changed_at = $5
                """, year.Year, saved.Version, json, actor, now),
            ConfigVersions.Row(ConfigVersions.Calendar, Id(year.Year), saved.Version, json, change, actor, now),
            AuditTrail.Row(actor, $"calendar.{change}", ConfigVersions.Calendar, Id(year.Year), before?.Content, year, now)));
        _years[year.Year] = saved;
        _calendar = new BusinessCalendar(_years.Values.Select(y => y.Content));
        return saved;
    }

    private static string Id(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Json(HolidayYear year) => JsonSerializer.Serialize(year, ConfigVersions.Json);
}
