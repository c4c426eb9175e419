using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.Settings;

/// <summary>
/// The center's run-time settings (key 0): what appsettings configured until an operator changes them on /admin/settings.
/// Each change is a version in the event log with its row and an audit line; the silos' appliers pick it up from here.
/// </summary>
public sealed class SystemSettingsGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock, ConfiguredSettings configured) : Grain, ISystemSettingsGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private SettingsSnapshot _current = null!;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _current = new SettingsSnapshot(0, configured.Values, configured.Values);
        await using var cmd = db.CreateCommand("SELECT version, settings::text FROM system_setting WHERE id = 1");
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (await r.ReadAsync(ct) && JsonSerializer.Deserialize<SystemSettings>(r.GetString(1), Json) is { } stored)
            _current = new SettingsSnapshot(r.GetInt32(0), stored, configured.Values);
    }

    public Task<SettingsSnapshot> Get() => Task.FromResult(_current);

    public async Task<CommandResult<SettingsSnapshot>> Save(SystemSettings settings, string actor)
    {
        var errors = SystemSettingsRules.Validate(settings);
        if (errors.Count > 0) return CommandResult<SettingsSnapshot>.Invalid(errors);
        if (settings == _current.Values) return CommandResult<SettingsSnapshot>.Ok(_current);
        var version = _current.Version + 1;
        var now = clock.GetUtcNow();
        var payload = JsonSerializer.Serialize(settings, Json);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("system_settings", "center", version, "SettingsChanged", payload, actor, now),
            new ReadModelWrite("""
                INSERT INTO system_setting (id, version, settings, updated_at, updated_by) VALUES (1, $1, $2::jsonb, $3, $4)
                ON CONFLICT (id) DO UPDATE SET version = $1, settings = $2::jsonb, updated_at = $3, updated_by = $4
                """, version, payload, now, actor),
            AuditTrail.Row(actor, "settings.update", "settings", "center", _current.Values, settings, now)));
        _current = new SettingsSnapshot(version, settings, configured.Values);
        return CommandResult<SettingsSnapshot>.Ok(_current);
    }
}

/// <summary>The settings as appsettings gave them when the silo started: the starting point, and what "as configured" means.</summary>
public sealed record ConfiguredSettings(SystemSettings Values);
