using Npgsql;

namespace HomeService.CallCenter.Recording;

/// <summary>The <c>queue_recording</c> table held in memory: read once on activation, written through on every change.</summary>
public sealed class RecordingPolicyGrain(NpgsqlDataSource db) : Grain, IRecordingPolicyGrain
{
    private readonly Dictionary<string, bool> _enabled = new();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT queue_id, enabled FROM queue_recording");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) _enabled[reader.GetString(0)] = reader.GetBoolean(1);
    }

    public Task<bool> Records(string queueId) => Task.FromResult(_enabled.GetValueOrDefault(queueId, true));

    public async Task Set(string queueId, bool enabled)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO queue_recording (queue_id, enabled) VALUES ($1, $2) ON CONFLICT (queue_id) DO UPDATE SET enabled = $2
            """);
        cmd.Parameters.Add(new() { Value = queueId });
        cmd.Parameters.Add(new() { Value = enabled });
        await cmd.ExecuteNonQueryAsync();
        _enabled[queueId] = enabled;
    }
}
