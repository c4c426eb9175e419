namespace HomeService.EventLog;

/// <summary>
/// Gives a grain the snapshot-plus-log discipline: an event is appended (with its read-model rows) before the
/// command is acknowledged. The log is the truth; the stored snapshot only saves replay work, so it is written
/// every <see cref="SnapshotEvery"/> events and when the grain deactivates, and activation catches it up from the
/// log. A crash therefore costs nothing acknowledged.
/// </summary>
public sealed class Journal<TState>(IPersistentState<TState> state, IEventLog log, EventCodec codec, string aggregateId, Grain owner)
    where TState : IAggregateState, new()
{
    public const int SnapshotEvery = 16;
    private int _unsnapshotted;
    // The state in memory holds a change the log refused and could not be read back: it must never become a snapshot.
    private bool _aheadOfLog;

    public TState State => state.State;

    public async Task CatchUp(CancellationToken ct = default)
    {
        var missed = await log.ReadAsync(codec.AggregateType, aggregateId, state.State.Version, ct);
        foreach (var stored in missed) Apply(codec.Decode(stored));
        if (missed.Count >= SnapshotEvery) await Snapshot(ct);
    }

    /// <summary>
    /// The state as the log has it now, or null when this activation has missed nothing. It never touches this
    /// activation's state, so a read-only call may use it while a command of the same activation awaits its append.
    /// A second activation that missed the other's events would otherwise answer from the past until its next append.
    /// </summary>
    public async Task<TState?> LatestIfBehind(CancellationToken ct = default)
    {
        var missed = await log.ReadAsync(codec.AggregateType, aggregateId, state.State.Version, ct);
        if (missed.Count == 0) return default;
        var latest = new TState();
        foreach (var stored in await log.ReadAsync(codec.AggregateType, aggregateId, 0, ct))
        {
            latest.Apply(codec.Decode(stored));
            latest.Version++;
        }
        return latest;
    }

    public Task Record(object e, string? actor, DateTimeOffset at, params ReadModelWrite[] readModel) =>
        Record(e, actor, at, _ => readModel);

    /// <summary>
    /// Applies the event, then appends it with the read-model rows computed from the new state, in one transaction.
    /// If the append fails the in-memory state is ahead of the log: it is read back from the snapshot and the log at
    /// once, so neither this activation's answers nor its snapshot keep a change that was refused.
    /// </summary>
    public Task Record(object e, string? actor, DateTimeOffset at, Func<TState, IEnumerable<ReadModelWrite>> readModel) =>
        Record([e], actor, at, readModel);

    /// <summary>Several events of one command, appended together: all of them or none.</summary>
    public async Task Record(IReadOnlyList<object> events, string? actor, DateTimeOffset at, Func<TState, IEnumerable<ReadModelWrite>> readModel)
    {
        if (_aheadOfLog) throw new InvalidOperationException($"{codec.AggregateType}/{aggregateId} could not be read back after a failed append.");
        var records = new List<EventRecord>(events.Count);
        foreach (var e in events)
        {
            records.Add(codec.Encode(aggregateId, state.State.Version + 1, e, actor, at));
            Apply(e);
        }
        try
        {
            await log.AppendAsync(new EventAppend(records, readModel(state.State).ToList()));
        }
        catch
        {
            await FallBackToLog();
            throw;
        }
        if (_unsnapshotted >= SnapshotEvery) await Snapshot();
    }

    /// <summary>
    /// Before this, a refused append (a NUL in a text, say) stayed in memory: the next read showed it, a retry found the
    /// order "already created", and deactivation wrote it as the snapshot, so a 500 kept its change.
    /// </summary>
    private async Task FallBackToLog()
    {
        _aheadOfLog = true;
        owner.DeactivateOnIdle();
        try
        {
            await state.ReadStateAsync();
            _unsnapshotted = 0;
            await CatchUp();
            _aheadOfLog = false;
        }
        catch
        {
            // The database is away: the activation goes without a snapshot and the next one starts from the log.
        }
    }

    /// <summary>Call from OnDeactivateAsync so a graceful shutdown leaves an up-to-date snapshot.</summary>
    public async Task Flush(CancellationToken ct = default)
    {
        if (_unsnapshotted > 0 && !_aheadOfLog) await Snapshot(ct);
    }

    private async Task Snapshot(CancellationToken ct = default)
    {
        await state.WriteStateAsync(ct);
        _unsnapshotted = 0;
    }

    private void Apply(object e)
    {
        state.State.Apply(e);
        state.State.Version++;
        _unsnapshotted++;
    }
}
