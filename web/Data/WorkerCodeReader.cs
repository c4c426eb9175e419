using System.Text.Json;
using HomeService.Workers;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// What the public one-person-one-code page shows for a token: nothing private (no ID number, phone or address).
/// The safety colour is worked out for today from the dates, so an expiry shows the day it happens.
/// </summary>
public sealed class WorkerCodeReader(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record PublicWorker(string MaskedName, string MerchantName, string MerchantLevel, string Level, SafetyStatus Safety,
        DateOnly? IdVerifiedOn, DateOnly? HealthCertificateExpires, IReadOnlyList<Training> Trainings, bool? BackgroundCheckPassed, DateOnly? BackgroundCheckedOn,
        bool HasPhoto);

    /// <summary>The photo behind a live code (same conditions as the page), or null.</summary>
    public async Task<(byte[] Content, string ContentType)?> Photo(string token)
    {
        if (token.Length is < 16 or > 64) return null;
        await using var cmd = db.CreateCommand("""
            SELECT f.content, f.content_type FROM worker w JOIN merchant m ON m.id = w.merchant_id JOIN uploaded_file f ON f.id = w.photo_file_id
            WHERE w.code_token = $1 AND w.active AND m.status IN ('Active', 'Warned')
            """);
        cmd.Parameters.Add(new() { Value = token });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetFieldValue<byte[]>(0), r.GetString(1)) : null;
    }

    public async Task<PublicWorker?> Find(string token)
    {
        if (token.Length is < 16 or > 64) return null;
        await using var cmd = db.CreateCommand("""
            SELECT w.name, m.name, m.credit_level, w.credit_level, w.id_verified_on, w.qualification_expires, w.trainings::text, w.background_check_passed,
                   w.background_checked_on, w.black_listed, w.id_number_masked IS NOT NULL OR w.id_verified_on IS NOT NULL OR w.trainings <> '[]'::jsonb,
                   w.photo_file_id IS NOT NULL
            FROM worker w JOIN merchant m ON m.id = w.merchant_id
            WHERE w.code_token = $1 AND w.active AND m.status IN ('Active', 'Warned')
            """);
        cmd.Parameters.Add(new() { Value = token });
        await using var r = await cmd.ExecuteReaderAsync();
        if (!await r.ReadAsync()) return null;
        var credentials = new WorkerCredentials(null, r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
            JsonSerializer.Deserialize<List<Training>>(r.GetString(6), Json) ?? [], r.IsDBNull(7) ? null : r.GetBoolean(7),
            r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8));
        var today = SafetyCode.BeijingDate(clock.GetUtcNow());
        var safety = r.GetBoolean(10)
            ? SafetyCode.Evaluate(credentials, r.GetBoolean(9), today)
            : SafetyCode.Unrecorded(credentials.HealthCertificateExpires, r.GetBoolean(9), today);
        return new PublicWorker(PersonalData.MaskName(r.GetString(0)) ?? "", r.GetString(1), r.GetString(2), r.GetString(3), safety, credentials.IdVerifiedOn,
            credentials.HealthCertificateExpires, credentials.Trainings, credentials.BackgroundCheckPassed, credentials.BackgroundCheckedOn, r.GetBoolean(11));
    }

}
