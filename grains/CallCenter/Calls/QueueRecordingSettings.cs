using Npgsql;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// Whether a queue's calls are recorded. Recording is on unless the queue has a row in <c>queue_recording</c> with
/// enabled = false; agent outbound calls are looked up under the queue id "outbound". Read on every connection (one
/// indexed row), so a switch made by an admin applies to the next call without a restart.
/// </summary>
public sealed class QueueRecordingSettings(NpgsqlDataSource db)
{
    public const string OutboundQueue = "outbound";

    public async Task<bool> Records(string? queueId)
    {
        await using var cmd = db.CreateCommand("SELECT enabled FROM queue_recording WHERE queue_id = $1");
        cmd.Parameters.Add(new() { Value = queueId ?? OutboundQueue });
        return await cmd.ExecuteScalarAsync() is not false;
    }
}
