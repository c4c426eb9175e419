namespace HomeService.EventLog;

/// <summary>One business event about to be appended. <see cref="Version"/> is the aggregate's version after it.</summary>
public sealed record EventRecord(
    string AggregateType,
    string AggregateId,
    int Version,
    string EventType,
    string PayloadJson,
    string? Actor,
    DateTimeOffset OccurredAt);

/// <summary>An event read back from the log.</summary>
public sealed record StoredEvent(long Sequence, int Version, string EventType, string PayloadJson, string? Actor, DateTimeOffset OccurredAt);

/// <summary>
/// A read-model statement that must commit in the same transaction as the events it comes from.
/// Parameters are positional ($1, $2, ...), so the same write can be replayed into a fresh batch.
/// </summary>
public sealed record ReadModelWrite(string Sql, params object?[] Arguments);

/// <summary>What one command appends: its events and the read-model rows they change, all or nothing.</summary>
public sealed record EventAppend(IReadOnlyList<EventRecord> Events, IReadOnlyList<ReadModelWrite> ReadModel)
{
    public static EventAppend Of(EventRecord e, params ReadModelWrite[] readModel) => new([e], readModel);
}

/// <summary>The aggregate already has an event at that version: someone else wrote first.</summary>
public sealed class EventVersionConflictException(string aggregate, int version)
    : Exception($"Aggregate {aggregate} already has version {version}.");
