using System.Text.Json;
using HomeService.Workers;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// A merchant's staff list with filters (服务人员管理): by name, phone or worker id, status, skill, and whether they still
/// work there. Each row carries the safety colour (安心码) worked out for today, as the public code page does.
/// </summary>
public sealed class StaffReader(NpgsqlDataSource db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record StaffRow(string WorkerId, string Name, string Phone, IReadOnlyList<string> Skills, string Status, DateTimeOffset StatusSince,
        string? CurrentOrder, bool Active, string CreditLevel, DateOnly? HealthCertificateExpires, IReadOnlyList<string> Languages, int YearsOfExperience,
        SafetyStatus Safety);

    public async Task<IReadOnlyList<StaffRow>> List(string merchantId, string? q, string? status, string? skill, bool? active)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, name, phone, skills, status, status_since, current_order, active, credit_level, qualification_expires, languages, years_of_experience,
                   id_verified_on, trainings::text, background_check_passed, background_checked_on, black_listed,
                   id_number_masked IS NOT NULL OR id_verified_on IS NOT NULL OR trainings <> '[]'::jsonb
            FROM worker
            WHERE merchant_id = $1
              AND ($2::text IS NULL OR strpos(name, $2) > 0 OR strpos(phone, $2) > 0 OR upper(id) = upper($2))
              AND ($3::text IS NULL OR status = $3)
              AND ($4::text IS NULL OR $4 = ANY (skills))
              AND ($5::boolean IS NULL OR active = $5)
            ORDER BY active DESC, id LIMIT 500
            """);
        cmd.Parameters.Add(new() { Value = merchantId });
        cmd.Parameters.Add(new() { Value = Blank(q) ?? (object)DBNull.Value });
        cmd.Parameters.Add(new() { Value = Blank(status) ?? (object)DBNull.Value });
        cmd.Parameters.Add(new() { Value = Blank(skill) ?? (object)DBNull.Value });
        cmd.Parameters.Add(new() { Value = (object?)active ?? DBNull.Value });
        var today = SafetyCode.BeijingDate(clock.GetUtcNow());
        var rows = new List<StaffRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            DateOnly? Date(int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
            var credentials = new WorkerCredentials(null, Date(12), Date(9), JsonSerializer.Deserialize<List<Training>>(r.GetString(13), Json) ?? [],
                r.IsDBNull(14) ? null : r.GetBoolean(14), Date(15));
            var safety = r.GetBoolean(17)
                ? SafetyCode.Evaluate(credentials, r.GetBoolean(16), today)
                : SafetyCode.Unrecorded(credentials.HealthCertificateExpires, r.GetBoolean(16), today);
            rows.Add(new StaffRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetBoolean(7), r.GetString(8), Date(9), r.GetFieldValue<string[]>(10), r.GetInt32(11), safety));
        }
        return rows;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, 50)];
}
