using System.Text.Json;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Ivr;

/// <summary>
/// The versions of one number's platform IVR flow (key: the dialled number). Each publish is an event (aggregate
/// "ivr_flow", version = the flow's version, so two admins publishing at once cannot both get the same number) and
/// an ivr_flow row in the same transaction. Versions are immutable, so any version read once is kept in memory.
/// </summary>
public sealed class IvrFlowGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IIvrFlowGrain
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<int, IvrFlowVersion> _versions = new();
    private int _current;

    private string Dialled => this.GetPrimaryKeyString();

    private static readonly TimeSpan RecheckNoFlowAfter = TimeSpan.FromSeconds(30);
    private DateTimeOffset _readAt;

    public override Task OnActivateAsync(CancellationToken ct) => ReadCurrent(ct);

    /// <summary>
    /// A number without a flow is asked again now and then: the demo seed (or another tool) may write the first version
    /// after this grain was activated by an early call, and nothing would tell it otherwise.
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
        await using var cmd = db.CreateCommand("SELECT definition::text, created_by, created_at FROM ivr_flow WHERE dialled = $1 AND version = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Dialled });
        cmd.Parameters.Add(new NpgsqlParameter { Value = version });
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) return null;
        var flow = new IvrFlowVersion(Dialled, version, JsonSerializer.Deserialize<IvrFlowDefinition>(r.GetString(0), Json)!, r.GetString(1),
            r.GetFieldValue<DateTimeOffset>(2));
        return _versions[version] = flow;
    }

    public async Task<CommandResult<IvrFlowVersion>> Publish(IvrFlowDefinition definition, string actor)
    {
        var queues = (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).Select(q => q.QueueId).ToList();
        var errors = IvrFlowValidator.Validate(definition, queues);
        if (errors.Count > 0) return CommandResult<IvrFlowVersion>.Invalid(errors);
        IvrFlowVersion flow;
        try
        {
            flow = await Append(definition, actor);
        }
        catch (EventVersionConflictException)
        {
            // A version this grain did not know of was written meanwhile (the seed): catch up and publish after it.
            await ReadCurrent(CancellationToken.None);
            flow = await Append(definition, actor);
        }
        _current = flow.Version;
        _versions[flow.Version] = flow;
        return CommandResult<IvrFlowVersion>.Ok(flow);
    }

    private async Task<IvrFlowVersion> Append(IvrFlowDefinition definition, string actor)
    {
        var flow = new IvrFlowVersion(Dialled, _current + 1, definition, actor, clock.GetUtcNow());
        var json = JsonSerializer.Serialize(definition, Json);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("ivr_flow", Dialled, flow.Version, "IvrFlowPublished", json, actor, flow.CreatedAt),
            new ReadModelWrite("INSERT INTO ivr_flow (dialled, version, definition, created_by, created_at) VALUES ($1, $2, $3::jsonb, $4, $5)",
                Dialled, flow.Version, json, actor, flow.CreatedAt)));
        return flow;
    }
}
