using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Ivr;

/// <summary>
/// The versions of one number's platform IVR flow (key: the dialled number). Each publish or restore is an event
/// (aggregate "ivr_flow", version = the flow's version, so two admins publishing at once cannot both get the same number),
/// an ivr_flow row and an audit line of the versions before and after, in one transaction. Versions are immutable, so any
/// version read once is kept in memory; the next call offered to the number enters the new current version.
/// </summary>
public sealed class IvrFlowGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IIvrFlowGrain
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<int, IvrFlowVersion> _versions = new();
    private int _current;

    private string Dialled => this.GetPrimaryKeyString();

    private static readonly TimeSpan RecheckNoFlowAfter = TimeSpan.FromSeconds(30);
    private DateTimeOffset _readAt;

    /// <summary>What the audit line keeps of a version: enough to see, and to put back by hand, what callers heard.</summary>
    private sealed record Audited(int Version, IvrFlowDefinition Definition, int? RestoredFrom);

    public override Task OnActivateAsync(CancellationToken ct) => ReadCurrent(ct);

    /// <summary>
    /// A number without a flow is asked again now and then: another tool may write the first version after this grain was
    /// activated by an early call, and nothing would tell it otherwise.
    /// </summary>
    public async Task<IvrFlowVersion?> Current()
    {
        if (_current == 0 && clock.GetUtcNow() - _readAt > RecheckNoFlowAfter) await ReadCurrent(CancellationToken.None);
        return _current == 0 ? null : await GetVersion(_current);
    }

    private async Task ReadCurrent(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT coalesce(max(version), 0) FROM ivr_flow WHERE dialled = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Dialled });
        _current = (int)(await cmd.ExecuteScalarAsync(ct))!;
        _readAt = clock.GetUtcNow();
    }

    public async Task<IvrFlowVersion?> GetVersion(int version)
    {
        if (_versions.TryGetValue(version, out var known)) return known;
        await using var cmd = db.CreateCommand("""
            SELECT definition::text, created_by, created_at, restored_from FROM ivr_flow WHERE dialled = $1 AND version = $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Dialled });
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) return null;
        var flow = new IvrFlowVersion(Dialled, version, JsonSerializer.Deserialize<IvrFlowDefinition>(r.GetString(0), Json)!, r.GetString(1),
            r.GetFieldValue<DateTimeOffset>(2), r.IsDBNull(3) ? null : r.GetInt32(3));
        return _versions[version] = flow;
    }

    public async Task<CommandResult<IvrFlowVersion>> Publish(IvrFlowDefinition definition, int? baseVersion, string actor)
    {
        var errors = IvrFlowValidator.Validate(definition, await QueueIds());
        if (baseVersion is { } seen && seen != _current) errors.TryAdd("version", ["edited-meanwhile"]);
        if (errors.Count > 0) return CommandResult<IvrFlowVersion>.Invalid(errors);
        if (await Current() is { } current && Same(current.Definition, definition)) return CommandResult<IvrFlowVersion>.Ok(current);
        return CommandResult<IvrFlowVersion>.Ok(await Store(definition, null, actor));
    }

    public async Task<CommandResult<IvrFlowVersion>> Restore(int version, string actor)
    {
        if (version < 1 || await GetVersion(version) is not { } earlier)
            return CommandResult<IvrFlowVersion>.Invalid(new Dictionary<string, string[]> { ["version"] = ["unknown"] });
        if (version == _current) return CommandResult<IvrFlowVersion>.Ok(earlier);
        // A queue the earlier flow names may have been removed since: it is checked as any new flow is.
        var errors = IvrFlowValidator.Validate(earlier.Definition, await QueueIds());
        if (errors.Count > 0) return CommandResult<IvrFlowVersion>.Invalid(errors);
        return CommandResult<IvrFlowVersion>.Ok(await Store(earlier.Definition, version, actor));
    }

    private async Task<List<string>> QueueIds() =>
        (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).Select(q => q.QueueId).ToList();

    private async Task<IvrFlowVersion> Store(IvrFlowDefinition definition, int? restoredFrom, string actor)
    {
        IvrFlowVersion flow;
        try
        {
            flow = await Append(definition, restoredFrom, actor);
        }
        catch (EventVersionConflictException)
        {
            // A version this grain did not know of was written meanwhile (by another tool): catch up and publish after it.
            await ReadCurrent(CancellationToken.None);
            flow = await Append(definition, restoredFrom, actor);
        }
        _current = flow.Version;
        _versions[flow.Version] = flow;
        return flow;
    }

    private async Task<IvrFlowVersion> Append(IvrFlowDefinition definition, int? restoredFrom, string actor)
    {
        var before = _current == 0 ? null : await GetVersion(_current);
        var flow = new IvrFlowVersion(Dialled, _current + 1, definition, actor, clock.GetUtcNow(), restoredFrom);
        var json = JsonSerializer.Serialize(definition, Json);
        var (kind, payload) = restoredFrom is { } from
            ? ("IvrFlowRestored", JsonSerializer.Serialize(new { restoredFrom = from, definition }, Json))
            : ("IvrFlowPublished", json);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("ivr_flow", Dialled, flow.Version, kind, payload, actor, flow.CreatedAt),
            new ReadModelWrite("""
                INSERT INTO ivr_flow (dialled, version, definition, created_by, created_at, restored_from) VALUES ($1, $2, $3::jsonb, $4, $5, $6)
                """, Dialled, flow.Version, json, actor, flow.CreatedAt, restoredFrom),
            AuditTrail.Row(actor, restoredFrom is null ? "ivr_flow.publish" : "ivr_flow.restore", "ivr_flow", Dialled,
                before is null ? null : new Audited(before.Version, before.Definition, before.RestoredFrom),
                new Audited(flow.Version, definition, restoredFrom), flow.CreatedAt)));
        return flow;
    }

    /// <summary>Equal flows whatever order their menus are listed in (the editor lists them as the tree draws them).</summary>
    private static bool Same(IvrFlowDefinition a, IvrFlowDefinition b) =>
        a.Root == b.Root && a.Menus?.Count == b.Menus?.Count
        && (a.Menus ?? new Dictionary<string, IvrMenu>()).All(m => b.Menus!.TryGetValue(m.Key, out var other)
            && JsonSerializer.Serialize(m.Value, Json) == JsonSerializer.Serialize(other, Json));
}
