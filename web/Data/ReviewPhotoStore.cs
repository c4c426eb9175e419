using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// Photos a resident attaches to their rating of an order (评价照片). Each is an uploaded file with purpose
/// "rating-photo" claimed by "order:{orderNo}", so a rating can only carry photos uploaded for that very order; the
/// photo becomes public once the review that counts lists it, and stays private until then.
/// </summary>
public sealed class ReviewPhotoStore(NpgsqlDataSource db)
{
    public const string Purpose = "rating-photo";
    /// <summary>Photos one rating may carry.</summary>
    public const int MaxPerRating = 3;
    /// <summary>Uploads one order may take: room for a few tries, not for using the order as free file storage.</summary>
    public const int MaxUploadsPerOrder = 20;

    public static string ClaimOf(string orderNo) => $"order:{orderNo}";

    /// <summary>The address the public page and the member's order show a review photo at.</summary>
    public static string Url(Guid fileId) => $"/reviews/photos/{fileId}";

    public async Task<int> Uploads(string orderNo)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM uploaded_file WHERE claimed_by = $1 AND purpose = $2");
        cmd.Parameters.Add(new() { Value = ClaimOf(orderNo) });
        cmd.Parameters.Add(new() { Value = Purpose });
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Whether every id is a rating photo uploaded for this order.</summary>
    public async Task<bool> AllUploadedFor(string orderNo, IReadOnlyCollection<Guid> ids)
    {
        if (ids.Count == 0) return true;
        await using var cmd = db.CreateCommand("SELECT count(*) FROM uploaded_file WHERE id = ANY($1) AND claimed_by = $2 AND purpose = $3");
        cmd.Parameters.Add(new() { Value = ids.Distinct().ToArray() });
        cmd.Parameters.Add(new() { Value = ClaimOf(orderNo) });
        cmd.Parameters.Add(new() { Value = Purpose });
        return (long)(await cmd.ExecuteScalarAsync())! == ids.Distinct().Count();
    }

    /// <summary>A photo some public review lists, or null: an upload no review carries (yet) is nobody's business.</summary>
    public async Task<(byte[] Content, string ContentType)?> Public(Guid fileId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT f.content, f.content_type FROM uploaded_file f
            WHERE f.id = $1 AND f.purpose = $2 AND EXISTS (SELECT 1 FROM service_review r WHERE r.photos @> ARRAY[$1]::uuid[])
            """);
        cmd.Parameters.Add(new() { Value = fileId });
        cmd.Parameters.Add(new() { Value = Purpose });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetFieldValue<byte[]>(0), r.GetString(1)) : null;
    }
}
