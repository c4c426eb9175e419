using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// One hotline number. Each version is an event with the full settings, the hotline row, the version row and an audit
/// line of before and after, in one transaction. Every offered call asks <see cref="Enter"/>, so a saved change
/// answers the next call. A number never configured routes to the main hotline's default queue: the configured number
/// that sorts first, looked up at most every 30 s (a number added later is found without a restart).
/// </summary>
public sealed class HotlineGrain(
    [PersistentState("hotline", "Default")] IPersistentState<HotlineState> state,
    IEventLog log,
    NpgsqlDataSource db,
    TimeProvider clock) : Grain, IHotlineGrain
{
    public static readonly EventCodec Codec = new("hotline", ("HotlineSaved", typeof(HotlineSaved)));
    private static readonly TimeSpan RecheckMainAfter = TimeSpan.FromSeconds(30);

    private Journal<HotlineState> _journal = null!;
    private string? _main;
    private DateTimeOffset _mainReadAt = DateTimeOffset.MinValue;

    private string Dialled => this.GetPrimaryKeyString();
    private HotlineState Hotline => _journal.State;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<HotlineState>(state, log, Codec, Dialled, this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<HotlineVersion?> Get() => Task.FromResult(Current());

    public async Task<CommandResult<HotlineVersion>> Save(HotlineSettings settings, int? baseVersion, string actor)
    {
        var normalized = HotlineRules.Normalize(settings);
        var errors = HotlineRules.Validate(Dialled, normalized, await QueueIds());
        if (baseVersion is { } seen && seen != Hotline.Version) errors.TryAdd("version", ["edited-meanwhile"]);
        if (errors.Count > 0) return CommandResult<HotlineVersion>.Invalid(errors);
        if (Hotline.Current is { } current && Same(current, normalized)) return CommandResult<HotlineVersion>.Ok(Current()!);
        await Change(normalized, ConfigVersions.Saved, actor);
        return CommandResult<HotlineVersion>.Ok(Current()!);
    }

    public async Task<CommandResult<HotlineVersion>> Revert(string actor)
    {
        if (Hotline.Current is null) return ConfigVersions.Invalid<HotlineVersion>("dialled", "unknown");
        if (Hotline.Previous is not { } previous) return ConfigVersions.Invalid<HotlineVersion>("version", "no-earlier-version");
        await Change(previous, ConfigVersions.Reverted, actor);
        return CommandResult<HotlineVersion>.Ok(Current()!);
    }

    public async Task<HotlineRoute> Route(string? ivrChoice)
    {
        if (Hotline.Current is { } s && HotlineDoor.Route(s, ivrChoice) is { } route) return route;
        if (await MainHotline() is { } main) return await GrainFactory.GetGrain<IHotlineGrain>(main).Route(null);
        var queues = await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues();
        return new HotlineRoute(queues.Select(q => q.QueueId).Order(StringComparer.Ordinal).FirstOrDefault()
            ?? throw new InvalidOperationException("The center has no queue to route a call to."), 0);
    }

    public async Task<HotlineEntry> Enter(string caller, string? ivrChoice, DateTimeOffset at)
    {
        var day = await GrainFactory.GetGrain<IHolidayCalendarGrain>(0).Day(ChinaTime.Date(at));
        var blocked = PhoneNumber.IsWithheld(caller) ? null : await GrainFactory.GetGrain<ICallerBlacklistGrain>(0).Check(caller, at);
        var entry = HotlineDoor.Admit(Dialled, Current(), caller, blocked, day, at);
        if (entry.Outcome != EntryOutcomes.Queue) return entry;
        var flow = ivrChoice is null && (Hotline.Current?.IvrAnswers ?? true) ? await GrainFactory.GetGrain<IIvrFlowGrain>(Dialled).Current() : null;
        return HotlineDoor.Answer(entry, flow, ivrChoice, await Route(ivrChoice));
    }

    private async Task Change(HotlineSettings settings, string change, string actor)
    {
        var before = Hotline.Current;
        var now = clock.GetUtcNow();
        var json = JsonSerializer.Serialize(settings, ConfigVersions.Json);
        await _journal.Record(new HotlineSaved(settings, change, actor, now), actor, now, s =>
        [
            new ReadModelWrite("""
                INSERT INTO hotline (dialled, name, version, settings, changed_by, changed_at) VALUES ($1, $2, $3, $4::jsonb, $5, $6)
                ON CONFLICT (dialled) DO UPDATE SET name = $2, version = $3, settings = $4::jsonb, changed_by = $5, changed_at = $6
                """, Dialled, settings.Name, s.Version, json, actor, now),
            ConfigVersions.Row(ConfigVersions.Hotline, Dialled, s.Version, json, change, actor, now),
            AuditTrail.Row(actor, $"hotline.{change}", "hotline", Dialled, before, settings, now),
        ]);
    }

    private HotlineVersion? Current() =>
        Hotline.Current is { } s ? new HotlineVersion(Dialled, Hotline.Version, s, Hotline.ChangedBy, Hotline.ChangedAt) : null;

    /// <summary>The main hotline for a number of no settings of its own; null when the center has none yet.</summary>
    private async Task<string?> MainHotline()
    {
        if (clock.GetUtcNow() - _mainReadAt < RecheckMainAfter) return _main;
        await using var cmd = db.CreateCommand($"SELECT dialled FROM hotline WHERE dialled <> '{HotlineRules.WebCallback}' ORDER BY dialled LIMIT 1");
        _main = await cmd.ExecuteScalarAsync() as string;
        _mainReadAt = clock.GetUtcNow();
        return _main == Dialled ? null : _main;
    }

    /// <summary>
    /// The queues there are, from their read table: asking the directory grain would load it, and a directory loaded by
    /// the demo seed would not see queues a test or the bench adds to the table afterwards.
    /// </summary>
    private async Task<List<string>> QueueIds()
    {
        await using var cmd = db.CreateCommand("SELECT id FROM call_queue");
        await using var r = await cmd.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await r.ReadAsync()) ids.Add(r.GetString(0));
        return ids;
    }

    private static bool Same(HotlineSettings a, HotlineSettings b) =>
        JsonSerializer.Serialize(a, ConfigVersions.Json) == JsonSerializer.Serialize(b, ConfigVersions.Json);
}
