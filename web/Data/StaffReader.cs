using Npgsql;

namespace HomeService.Web.Data;

/// <summary>A merchant's staff list with filters (服务人员管理): by name or phone, status, skill, and whether they still work there.</summary>
public sealed class StaffReader(NpgsqlDataSource db)
{
    public sealed record StaffRow(string WorkerId, string Name, string Phone, IReadOnlyList<string> Skills, string Status, DateTimeOffset StatusSince,
        string? CurrentOrder, bool Active, string CreditLevel, DateOnly? HealthCertificateExpires);

    public async Task<IReadOnlyList<StaffRow>> List(string merchantId, string? q, string? status, string? skill, bool? active)
    {
        await using var cmd = db.CreateCommand("""
            SELECT id, name, phone, skills, status, status_since, current_order, active, credit_level, qualification_expires FROM worker
            WHERE merchant_id = $1
              AND ($2::text IS NULL OR strpos(name, $2) > 0 OR strpos(phone, $2) > 0)
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
        var rows = new List<StaffRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new StaffRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetFieldValue<string[]>(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetBoolean(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9)));
        return rows;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, 50)];
}
