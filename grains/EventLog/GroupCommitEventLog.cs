using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace HomeService.EventLog;

/// <summary>
/// Batches appends from many grains into one transaction (group commit): one fsync serves a whole batch,
/// and every waiting command is released when its batch commits. If a batch fails (a version conflict in
/// one append), each append is retried in its own transaction so only the offender fails.
/// </summary>
public sealed class GroupCommitEventLog : IEventLog, IAsyncDisposable
{
    private const int MaxBatch = 256;
    private const string InsertEvents = """
        INSERT INTO event_log (aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at)
        SELECT aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at
        FROM unnest($1::text[], $2::text[], $3::integer[], $4::text[], $5::jsonb[], $6::text[], $7::timestamptz[])
            WITH ORDINALITY AS e(aggregate_type, aggregate_id, version, event_type, payload, actor, occurred_at, n)
        ORDER BY n
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<GroupCommitEventLog> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private readonly Task _writer;

    public GroupCommitEventLog(NpgsqlDataSource dataSource, ILogger<GroupCommitEventLog> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _writer = Task.Run(WriteLoop);
    }

    public Task AppendAsync(EventAppend append, CancellationToken ct = default)
    {
        if (append.Events.Count == 0 && append.ReadModel.Count == 0) return Task.CompletedTask;
        var pending = new Pending(append, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(GroupCommitEventLog));
        return pending.Done.Task.WaitAsync(ct);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(string aggregateType, string aggregateId, int afterVersion, CancellationToken ct = default)
    {
        await using var cmd = _dataSource.CreateCommand("""
            SELECT seq, version, event_type, payload::text, actor, occurred_at FROM event_log
            WHERE aggregate_type = $1 AND aggregate_id = $2 AND version > $3 ORDER BY version
            """);
        cmd.Parameters.Add(new() { Value = aggregateType });
        cmd.Parameters.Add(new() { Value = aggregateId });
        cmd.Parameters.Add(new() { Value = afterVersion });
        var list = new List<StoredEvent>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new StoredEvent(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }

    private async Task WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await Commit(batch);
                foreach (var p in batch) p.Done.TrySetResult();
            }
            catch (Exception batchError) when (batch.Count > 1)
            {
                _logger.LogDebug(batchError, "Group commit of {Count} appends failed; retrying one by one", batch.Count);
                foreach (var p in batch) await CommitAlone(p);
            }
            catch (Exception error)
            {
                batch[0].Done.TrySetException(Translate(error, batch[0]));
            }
        }
    }

    private async Task CommitAlone(Pending p)
    {
        try
        {
            await Commit([p]);
            p.Done.TrySetResult();
        }
        catch (Exception error)
        {
            p.Done.TrySetException(Translate(error, p));
        }
    }

    private async Task Commit(IReadOnlyList<Pending> pendings)
    {
        await using var conn = await _dataSource.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(conn, tx);
        // All the batch's events in one multi-row INSERT (one statement to parse and plan instead of one per event),
        // in append order; then each append's read-model rows, in order, in the same transaction.
        var events = pendings.SelectMany(p => p.Append.Events).ToList();
        if (events.Count > 0)
        {
            var insert = new NpgsqlBatchCommand(InsertEvents);
            insert.Parameters.Add(new() { Value = events.Select(e => e.AggregateType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = events.Select(e => e.AggregateId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = events.Select(e => e.Version).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            insert.Parameters.Add(new() { Value = events.Select(e => e.EventType).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = events.Select(e => e.PayloadJson).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb });
            insert.Parameters.Add(new() { Value = events.Select(e => e.Actor).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new() { Value = events.Select(e => e.OccurredAt.UtcDateTime).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
            batch.BatchCommands.Add(insert);
        }
        foreach (var w in pendings.SelectMany(p => p.Append.ReadModel))
        {
            var cmd = new NpgsqlBatchCommand(w.Sql);
            foreach (var arg in w.Arguments)
                cmd.Parameters.Add(arg is null ? new NpgsqlParameter { Value = DBNull.Value } : new NpgsqlParameter { Value = Normalize(arg) });
            batch.BatchCommands.Add(cmd);
        }
        await batch.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }

    private static object Normalize(object value) => value is DateTimeOffset dto ? dto.ToUniversalTime() : value;

    private static Exception Translate(Exception error, Pending p) =>
        error is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "event_log_aggregate_version" }
        && p.Append.Events.Count > 0
            ? new EventVersionConflictException($"{p.Append.Events[0].AggregateType}/{p.Append.Events[0].AggregateId}", p.Append.Events[0].Version)
            : error;

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(EventAppend Append, TaskCompletionSource Done);
}
