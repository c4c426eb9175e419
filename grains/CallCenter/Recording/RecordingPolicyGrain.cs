using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Recording;

/// <summary>The <c>queue_recording</c> table held in memory: read once on activation, written through on every change.</summary>
public sealed class RecordingPolicyGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IRecordingPolicyGrain
{
    private readonly Dictionary<string, bool> _enabled = new();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT queue_id, enabled FROM queue_recording");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) _enabled[reader.GetString(0)] = reader.GetBoolean(1);
    }

    public Task<bool> Records(string queueId) => Task.FromResult(_enabled.GetValueOrDefault(queueId, true));

    public async Task Set(string queueId, bool enabled, string actor)
    {
        var before = _enabled.GetValueOrDefault(queueId, true);
        var now = clock.GetUtcNow();
        await log.AppendAsync(new EventAppend([],
        [
            new ReadModelWrite("INSERT INTO queue_recording (queue_id, enabled) VALUES ($1, $2) ON CONFLICT (queue_id) DO UPDATE SET enabled = $2",
                queueId, enabled),
            AuditTrail.Row(actor, "queue.recording", "queue", queueId, new { recording = before }, new { recording = enabled }, now),
        ]));
        _enabled[queueId] = enabled;
    }
}
