namespace HomeService.EventLog;

/// <summary>
/// Gives a grain the snapshot-plus-log discipline: an event is appended (with its read-model rows) before
/// the state changes and the command is acknowledged; on activation the snapshot is caught up from the log,
/// so a snapshot write lost in a crash costs nothing.
/// </summary>
public sealed class Journal<TState>(IPersistentState<TState> state, IEventLog log, EventCodec codec, string aggregateId)
    where TState : IAggregateState, new()
{
    public TState State => state.State;

    public async Task CatchUp(CancellationToken ct = default)
    {
        var missed = await log.ReadAsync(codec.AggregateType, aggregateId, state.State.Version, ct);
        foreach (var stored in missed) Apply(codec.Decode(stored));
        if (missed.Count > 0) await state.WriteStateAsync(ct);
    }

    public async Task Record(object e, string? actor, DateTimeOffset at, params ReadModelWrite[] readModel)
    {
        var record = codec.Encode(aggregateId, state.State.Version + 1, e, actor, at);
        await log.AppendAsync(new EventAppend([record], readModel));
        Apply(e);
        await state.WriteStateAsync();
    }

    private void Apply(object e)
    {
        state.State.Apply(e);
        state.State.Version++;
    }
}
