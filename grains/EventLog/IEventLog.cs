namespace HomeService.EventLog;

/// <summary>
/// The append-only business event log in PostgreSQL. <see cref="AppendAsync"/> completes only after the
/// events and their read-model rows have committed, so a command acknowledged after it is never lost.
/// </summary>
public interface IEventLog
{
    Task AppendAsync(EventAppend append, CancellationToken ct = default);

    Task<IReadOnlyList<StoredEvent>> ReadAsync(string aggregateType, string aggregateId, int afterVersion, CancellationToken ct = default);
}
