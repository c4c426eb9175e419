using Npgsql;

namespace HomeService.Web.Data;

/// <summary>A merchant's own logins (its administrator's, its dispatchers' and its workers'), from app_user, with the worker's name.</summary>
public sealed class MerchantLoginReader(NpgsqlDataSource db)
{
    public sealed record LoginRow(string Login, string DisplayName, string Role, string? WorkerId, string? WorkerName, bool Disabled, DateTimeOffset CreatedAt);

    public async Task<IReadOnlyList<LoginRow>> List(string merchantId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT u.login, u.display_name, u.roles[1], u.worker_id, w.name, u.disabled, u.created_at
            FROM app_user u LEFT JOIN worker w ON w.id = u.worker_id
            WHERE u.merchant_id = $1
            ORDER BY 'MerchantAdmin' <> ALL (u.roles), u.disabled, u.login
            LIMIT 1000
            """);
        cmd.Parameters.Add(new() { Value = merchantId });
        var rows = new List<LoginRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new LoginRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.IsDBNull(4) ? null : r.GetString(4), r.GetBoolean(5), r.GetFieldValue<DateTimeOffset>(6)));
        return rows;
    }
}
