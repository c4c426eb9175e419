using Npgsql;

namespace HomeService.Web.Data;

/// <summary>The merchant desk's view of its own company and staff. Callers pass the merchant id from the user's claims only.</summary>
public sealed class MerchantDeskReader(NpgsqlDataSource dataSource)
{
    public sealed record WorkerRow(string Id, string Name, string Phone, IReadOnlyList<string> Skills, string Status, DateOnly? QualificationExpires,
        string? CurrentOrder, DateTimeOffset StatusSince);

    public sealed record Desk(string Name, string CreditLevel, int CreditScore, IReadOnlyList<WorkerRow> Workers);

    public async Task<Desk?> Get(string merchantId)
    {
        await using var conn = await dataSource.OpenConnectionAsync();
        string name, level;
        int score;
        await using (var cmd = new NpgsqlCommand("SELECT name, credit_level, credit_score FROM merchant WHERE id = $1", conn))
        {
            cmd.Parameters.Add(new() { Value = merchantId });
            await using var reader = await cmd.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) return null;
            (name, level, score) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
        }
        var workers = new List<WorkerRow>();
        await using (var cmd = new NpgsqlCommand("SELECT id, name, phone, skills, status, qualification_expires, current_order, status_since FROM worker WHERE merchant_id = $1 AND active ORDER BY id", conn))
        {
            cmd.Parameters.Add(new() { Value = merchantId });
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                workers.Add(new WorkerRow(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                    reader.GetFieldValue<string[]>(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetFieldValue<DateTimeOffset>(7)));
        }
        return new Desk(name, level, score, workers);
    }
}
