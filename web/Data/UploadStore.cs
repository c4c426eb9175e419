using System.Security.Cryptography;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// Qualification documents uploaded before an application is sent: at most 5 MB, and a PDF, JPEG or PNG by their
/// first bytes (a renamed executable stays out whatever its name or declared type says).
/// </summary>
public sealed class UploadStore(NpgsqlDataSource db)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>The kind the first bytes say, or null when it is none we take.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : null;

    public async Task<Guid> Save(string purpose, string fileName, string contentType, byte[] content, string? claimedBy = null)
    {
        await using var cmd = db.CreateCommand("""
            INSERT INTO uploaded_file (purpose, file_name, content_type, size_bytes, sha256, content, claimed_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
            RETURNING id
            """);
        cmd.Parameters.Add(new() { Value = purpose });
        cmd.Parameters.Add(new() { Value = fileName });
        cmd.Parameters.Add(new() { Value = contentType });
        cmd.Parameters.Add(new() { Value = content.Length });
        cmd.Parameters.Add(new() { Value = Convert.ToHexString(SHA256.HashData(content)) });
        cmd.Parameters.Add(new() { Value = content });
        cmd.Parameters.Add(new() { Value = (object?)claimedBy ?? DBNull.Value });
        return (Guid)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A worker's current photo, only for the merchant the worker belongs to.</summary>
    public async Task<(byte[] Content, string ContentType)?> WorkerPhoto(string merchantId, string workerId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT f.content, f.content_type FROM worker w JOIN uploaded_file f ON f.id = w.photo_file_id WHERE w.id = $1 AND w.merchant_id = $2
            """);
        cmd.Parameters.Add(new() { Value = workerId });
        cmd.Parameters.Add(new() { Value = merchantId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetFieldValue<byte[]>(0), r.GetString(1)) : null;
    }
}
