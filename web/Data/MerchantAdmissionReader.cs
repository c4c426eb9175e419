using Npgsql;

namespace HomeService.Web.Data;

/// <summary>The admins' view of merchants and their status history, from the read tables.</summary>
public sealed class MerchantAdmissionReader(NpgsqlDataSource db)
{
    public sealed record MerchantRow(string MerchantId, string Name, string CreditCode, string District, string Status, string? StatusReason,
        string? Listed, int CreditScore, bool AwaitingExitConfirmation, DateTimeOffset? AppliedAt, string CreditLevel);
    public sealed record HistoryRow(DateTimeOffset At, string From, string To, string Reason, string Actor);

    /// <summary>What the company submitted, as an admin reviews it.</summary>
    public sealed record ApplicationDetail(string MerchantId, string Name, string CreditCode, string LegalPerson, string? ContactName, string Phone,
        string Address, string District, IReadOnlyList<string> Categories, IReadOnlyList<string> Districts, DateTimeOffset? AppliedAt,
        IReadOnlyList<SubmittedDocument> Documents);

    /// <summary>One listed document; Url is where an admin views its file, null when no file of this merchant's is behind it.</summary>
    public sealed record SubmittedDocument(string Kind, string Name, DateOnly? ValidUntil, Guid? FileId, string? FileName, string? ContentType,
        int? SizeBytes, string? Url);

    private sealed record StoredDocument(string? Kind, string? Name, string? FileId, DateOnly? ValidUntil);
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    public async Task<ApplicationDetail?> Application(string merchantId)
    {
        await using var conn = await db.OpenConnectionAsync();
        ApplicationDetail detail;
        List<StoredDocument> stored;
        await using (var cmd = new NpgsqlCommand("""
            SELECT id, name, credit_code, legal_person, contact_name, phone, address, district, categories, districts, applied_at, documents::text
            FROM merchant WHERE id = $1
            """, conn))
        {
            cmd.Parameters.Add(new() { Value = merchantId });
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) return null;
            detail = new ApplicationDetail(r.GetString(0), r.GetString(1), r.GetString(2), r.IsDBNull(3) ? "" : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(5) ? "" : r.GetString(5), r.IsDBNull(6) ? "" : r.GetString(6), r.GetString(7),
                r.GetFieldValue<string[]>(8), r.GetFieldValue<string[]>(9), r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10), []);
            stored = System.Text.Json.JsonSerializer.Deserialize<List<StoredDocument>>(r.GetString(11), Json) ?? [];
        }
        // Only files this merchant's application claimed: an id another application holds shows no file here.
        var files = new Dictionary<Guid, (string Name, string Type, int Size)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT id, file_name, content_type, size_bytes FROM uploaded_file WHERE claimed_by = $1 AND purpose = 'merchant-application'", conn))
        {
            cmd.Parameters.Add(new() { Value = merchantId });
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) files[r.GetGuid(0)] = (r.GetString(1), r.GetString(2), r.GetInt32(3));
        }
        var documents = stored.Select(d => Guid.TryParse(d.FileId, out var id) && files.TryGetValue(id, out var f)
                ? new SubmittedDocument(d.Kind ?? "", d.Name ?? "", d.ValidUntil, id, f.Name, f.Type, f.Size,
                    $"/api/admin/merchants/{Uri.EscapeDataString(merchantId)}/documents/{id}")
                : new SubmittedDocument(d.Kind ?? "", d.Name ?? "", d.ValidUntil, null, null, null, null, null))
            .ToList();
        return detail with { Documents = documents };
    }

    /// <summary>One file of a merchant's application, or null when it is not one of that merchant's.</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)?> Document(string merchantId, Guid fileId)
    {
        await using var cmd = db.CreateCommand(
            "SELECT content, content_type, file_name FROM uploaded_file WHERE id = $1 AND claimed_by = $2 AND purpose = 'merchant-application'");
        cmd.Parameters.Add(new() { Value = fileId });
        cmd.Parameters.Add(new() { Value = merchantId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetFieldValue<byte[]>(0), r.GetString(1), r.GetString(2)) : null;
    }

    public async Task<IReadOnlyList<MerchantRow>> List(string? status)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, name, credit_code, district, status, status_reason, listed, credit_score, awaiting_exit_confirmation, applied_at, credit_level
            FROM merchant WHERE $1::text IS NULL OR status = $1 ORDER BY id LIMIT 500
            """);
        cmd.Parameters.Add(new() { Value = (object?)status ?? DBNull.Value });
        var rows = new List<MerchantRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new MerchantRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetInt32(7), r.GetBoolean(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateTimeOffset>(9),
                r.GetString(10)));
        return rows;
    }

    public async Task<IReadOnlyList<HistoryRow>> History(string merchantId)
    {
        await using var cmd = db.CreateCommand(
            "SELECT at, from_status, to_status, reason, actor FROM merchant_status_change WHERE merchant_id = $1 ORDER BY at, id");
        cmd.Parameters.Add(new() { Value = merchantId });
        var rows = new List<HistoryRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new HistoryRow(r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));
        return rows;
    }
}
