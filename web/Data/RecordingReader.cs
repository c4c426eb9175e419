using Npgsql;

namespace HomeService.Web.Data;

/// <summary>Call recordings (自动录音) from the read table, and the log of every playback request.</summary>
public sealed class RecordingReader(NpgsqlDataSource db)
{
    public sealed record RecordingRow(string CallId, string? AgentId, string? QueueId, string Caller, DateTimeOffset? StartedAt,
        DateTimeOffset ReadyAt, int? DurationSeconds);

    /// <summary>Recordings ready in [from, to), newest first; <paramref name="agentId"/> narrows to one agent's calls.</summary>
    public async Task<IReadOnlyList<RecordingRow>> List(DateTimeOffset from, DateTimeOffset to, string? agentId, string? queueId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT call_id, agent_id, queue_id, caller, started_at, ready_at, duration FROM call_recording
            WHERE ready_at >= $1 AND ready_at < $2 AND ($3::text IS NULL OR agent_id = $3) AND ($4::text IS NULL OR queue_id = $4)
            ORDER BY ready_at DESC LIMIT 500
            """);
        cmd.Parameters.Add(new() { Value = from.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = to.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = (object?)agentId ?? DBNull.Value, DataTypeName = "text" });
        cmd.Parameters.Add(new() { Value = (object?)queueId ?? DBNull.Value, DataTypeName = "text" });
        var rows = new List<RecordingRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new RecordingRow(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.GetString(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetInt32(6)));
        return rows;
    }

    /// <summary>The call's latest recording: its address and the agent who had the call.</summary>
    public async Task<(string Url, string? AgentId)?> Latest(string callId)
    {
        await using var cmd = db.CreateCommand("SELECT url, agent_id FROM call_recording WHERE call_id = $1 ORDER BY ready_at DESC LIMIT 1");
        cmd.Parameters.Add(new() { Value = callId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1)) : null;
    }

    public async Task LogAccess(DateTimeOffset at, string user, string callId, bool granted)
    {
        await using var cmd = db.CreateCommand("INSERT INTO recording_access (at, user_id, call_id, granted) VALUES ($1, $2, $3, $4)");
        cmd.Parameters.Add(new() { Value = at.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = user });
        cmd.Parameters.Add(new() { Value = callId });
        cmd.Parameters.Add(new() { Value = granted });
        await cmd.ExecuteNonQueryAsync();
    }
}
