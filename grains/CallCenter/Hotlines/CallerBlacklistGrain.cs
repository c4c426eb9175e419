using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// The caller blacklist (key 0): every number ever listed, read once from caller_blacklist and then checked in memory for
/// every offered call. Each number is its own aggregate ("caller_blacklist", the number); a version is an event with the
/// entry's full content (null once lifted), written with the number's row, the version row and an audit line.
/// </summary>
public sealed class CallerBlacklistGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, ICallerBlacklistGrain
{
    private readonly Dictionary<string, BlacklistVersion> _numbers = new();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("""
            SELECT number, version, blocked, reason, expires_on, blocked_by, blocked_at, call_id, note, changed_by, changed_at FROM caller_blacklist
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var number = r.GetString(0);
            var entry = r.GetBoolean(2)
                ? new BlacklistEntry(number, r.GetString(3), r.GetFieldValue<DateOnly>(4), r.GetString(5), r.GetFieldValue<DateTimeOffset>(6),
                    r.IsDBNull(7) ? null : r.GetString(7))
                : null;
            _numbers[number] = new BlacklistVersion(number, r.GetInt32(1), entry, r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9),
                r.GetFieldValue<DateTimeOffset>(10));
        }
    }

    public Task<BlacklistEntry?> Check(string caller, DateTimeOffset at) =>
        Task.FromResult(_numbers.GetValueOrDefault(caller)?.Entry is { } entry && ChinaTime.Date(at) <= entry.ExpiresOn ? entry : null);

    public Task<BlacklistVersion?> Get(string number) => Task.FromResult(_numbers.GetValueOrDefault(number));

    public async Task<CommandResult<BlacklistVersion>> Block(string number, string reason, DateOnly? expiresOn, string? callId, string actor)
    {
        var normalized = BlacklistRules.Number(number);
        reason = (reason ?? "").Trim();
        var now = clock.GetUtcNow();
        var errors = BlacklistRules.Validate(normalized, reason, expiresOn, ChinaTime.Date(now));
        if (errors.Count > 0) return CommandResult<BlacklistVersion>.Invalid(errors);
        var entry = new BlacklistEntry(normalized!, reason, expiresOn!.Value, actor, now, callId);
        return CommandResult<BlacklistVersion>.Ok(await Change(normalized!, entry, null, "block", actor));
    }

    public async Task<CommandResult<BlacklistVersion>> Unblock(string number, string reason, string actor)
    {
        reason = (reason ?? "").Trim();
        var errors = BlacklistRules.ValidateNote(reason);
        if (BlacklistRules.Number(number) is not { } normalized || _numbers.GetValueOrDefault(normalized)?.Entry is null)
            errors["number"] = ["not-blocked"];
        if (errors.Count > 0) return CommandResult<BlacklistVersion>.Invalid(errors);
        return CommandResult<BlacklistVersion>.Ok(await Change(BlacklistRules.Number(number)!, null, reason, "unblock", actor));
    }

    public async Task<CommandResult<BlacklistVersion>> Revert(string number, string actor)
    {
        if (BlacklistRules.Number(number) is not { } normalized || _numbers.GetValueOrDefault(normalized) is not { } current)
            return ConfigVersions.Invalid<BlacklistVersion>("number", "unknown");
        var previous = current.Version > 1
            ? await ConfigVersions.Read<Content>(db, ConfigVersions.Blacklist, normalized, current.Version - 1)
            : null;
        return CommandResult<BlacklistVersion>.Ok(await Change(normalized, previous?.Entry, previous?.Note, ConfigVersions.Reverted, actor));
    }

    /// <summary>A version's content as the event and the version row carry it.</summary>
    private sealed record Content(BlacklistEntry? Entry, string? Note);

    private async Task<BlacklistVersion> Change(string number, BlacklistEntry? entry, string? note, string change, string actor)
    {
        var before = _numbers.GetValueOrDefault(number);
        var now = clock.GetUtcNow();
        var saved = new BlacklistVersion(number, (before?.Version ?? 0) + 1, entry, note, actor, now);
        var json = JsonSerializer.Serialize(new Content(entry, note), ConfigVersions.Json);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord(ConfigVersions.Blacklist, number, saved.Version, "BlacklistChanged",
                JsonSerializer.Serialize(new { entry, note, change }, ConfigVersions.Json), actor, now),
            new ReadModelWrite("""
                INSERT INTO caller_blacklist (number, version, blocked, reason, expires_on, blocked_by, blocked_at, call_id, note, changed_by, changed_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                ON CONFLICT (number) DO UPDATE SET version = $2, blocked = $3, reason = $4, expires_on = $5, blocked_by = $6, blocked_at = $7,
                    call_id = $8, note = $9, changed_by = $10, changed_at = $11
                """, number, saved.Version, entry is not null, entry?.Reason, entry?.ExpiresOn, entry?.BlockedBy, entry?.BlockedAt, entry?.CallId,
                note, actor, now),
            ConfigVersions.Row(ConfigVersions.Blacklist, number, saved.Version, json, change, actor, now),
            AuditTrail.Row(actor, $"blacklist.{change}", ConfigVersions.Blacklist, number, before?.Entry, (object?)entry ?? new { blocked = false, note }, now)));
        _numbers[number] = saved;
        return saved;
    }
}
