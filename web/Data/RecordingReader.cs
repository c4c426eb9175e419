using Npgsql;

namespace HomeService.Web.Data;

/// <summary>Call recordings (自动录音): every answered or recorded call with its recording's state, and the log of every playback request.</summary>
public sealed class RecordingReader(NpgsqlDataSource db)
{
    /// <summary>
    /// One call of the list. <paramref name="Url"/> is the latest recording the switch reported, or null; then
    /// <paramref name="EndedAt"/>, <paramref name="RecordingStartedAt"/> and <paramref name="SkippedFor"/> tell why there is none.
    /// </summary>
    public sealed record RecordingRow(string CallId, string? AgentId, string? QueueId, string Caller, DateTimeOffset At,
        DateTimeOffset? ReadyAt, int? DurationSeconds, string? Url, DateTimeOffset? EndedAt, DateTimeOffset? RecordingStartedAt, string? SkippedFor,
        int? SizeBytes = null);

    /// <summary>
    /// Calls offered in [from, to) that an agent answered or whose recording the switch reported (a voicemail), newest
    /// first; <paramref name="agentId"/> narrows to one agent's calls. A call without a recording row is still listed.
    /// </summary>
    public async Task<IReadOnlyList<RecordingRow>> List(DateTimeOffset from, DateTimeOffset to, string? agentId, string? queueId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT c.call_id, coalesce(r.agent_id, c.agent_id) AS agent_id, coalesce(r.queue_id, c.queue_id) AS queue_id, c.caller,
                   coalesce(r.started_at, c.recording_started_at, c.answered_at, c.offered_at), r.ready_at,
                   coalesce(r.duration,
                       round(extract(epoch FROM coalesce(c.recording_stopped_at, c.ended_at) - coalesce(c.recording_started_at, c.answered_at)))::int),
                   r.url, c.ended_at, c.recording_started_at, c.recording_skipped_for, a.size_bytes
            FROM call_record c
            LEFT JOIN LATERAL (SELECT * FROM call_recording x WHERE x.call_id = c.call_id ORDER BY x.ready_at DESC LIMIT 1) r ON true
            LEFT JOIN call_recording_audio a ON a.call_id = c.call_id AND r.url LIKE 'stored:%'
            WHERE c.offered_at >= $1 AND c.offered_at < $2 AND (c.answered_at IS NOT NULL OR r.url IS NOT NULL)
              AND ($3::text IS NULL OR coalesce(r.agent_id, c.agent_id) = $3) AND ($4::text IS NULL OR coalesce(r.queue_id, c.queue_id) = $4)
            ORDER BY c.offered_at DESC LIMIT 500
            """);
        cmd.Parameters.Add(new() { Value = from.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = to.ToUniversalTime() });
        cmd.Parameters.Add(new() { Value = (object?)agentId ?? DBNull.Value, DataTypeName = "text" });
        cmd.Parameters.Add(new() { Value = (object?)queueId ?? DBNull.Value, DataTypeName = "text" });
        var rows = new List<RecordingRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new RecordingRow(r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4), Time(r, 5),
                r.IsDBNull(6) ? null : r.GetInt32(6), Text(r, 7), Time(r, 8), Time(r, 9), Text(r, 10), r.IsDBNull(11) ? null : r.GetInt32(11)));
        return rows;
    }

    /// <summary>The call's latest recording: its address, the agent who had the call and the recording's length.</summary>
    public async Task<(string Url, string? AgentId, int? DurationSeconds)?> Latest(string callId)
    {
        await using var cmd = db.CreateCommand("SELECT url, agent_id, duration FROM call_recording WHERE call_id = $1 ORDER BY ready_at DESC LIMIT 1");
        cmd.Parameters.Add(new() { Value = callId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetString(0), Text(r, 1), r.IsDBNull(2) ? null : r.GetInt32(2)) : null;
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

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset? Time(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateTimeOffset>(i);
}
