using Npgsql;

namespace HomeService.Web.Data;

/// <summary>The recordings' audio the platform keeps: one WAV per call, written by the switch adapter's upload.</summary>
public sealed class RecordingAudioStore(NpgsqlDataSource db)
{
    /// <summary>An hour of 8 kHz 16-bit mono is 57.6 MB: a call longer than about an hour and a quarter is refused.</summary>
    public const int MaxBytes = 72 * 1024 * 1024;

    public async Task Save(string callId, string contentType, byte[] content, DateTimeOffset at)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO call_recording_audio (call_id, content_type, content, size_bytes, stored_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (call_id) DO UPDATE SET content_type = excluded.content_type, content = excluded.content,
                size_bytes = excluded.size_bytes, stored_at = excluded.stored_at
            """);
        cmd.Parameters.Add(new() { Value = callId });
        cmd.Parameters.Add(new() { Value = contentType });
        cmd.Parameters.Add(new() { Value = content });
        cmd.Parameters.Add(new() { Value = content.Length });
        cmd.Parameters.Add(new() { Value = at.ToUniversalTime() });
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<(string ContentType, byte[] Content)?> Load(string callId)
    {
        await using var cmd = db.CreateCommand("SELECT content_type, content FROM call_recording_audio WHERE call_id = $1");
        cmd.Parameters.Add(new() { Value = callId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetString(0), r.GetFieldValue<byte[]>(1)) : null;
    }

    /// <summary>A RIFF/WAVE header: the one format the adapter uploads and every browser plays.</summary>
    public static bool IsWav(ReadOnlySpan<byte> content) =>
        content.Length > 44 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WAVE"u8);
}
