using Npgsql;

namespace HomeService.Web.Data;

/// <summary>The admins' view of merchants and their status history, from the read tables.</summary>
public sealed class MerchantAdmissionReader(NpgsqlDataSource db)
{
    public sealed record MerchantRow(string MerchantId, string Name, string CreditCode, string District, string Status, string? StatusReason,
        string? Listed, int CreditScore, bool AwaitingExitConfirmation, DateTimeOffset? AppliedAt, string CreditLevel);
    public sealed record HistoryRow(DateTimeOffset At, string From, string To, string Reason, string Actor);

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
