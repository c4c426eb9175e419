using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>Accounts as the back office lists them, from the app_user read table: searched and paged in the database.</summary>
public sealed class AccountReader(NpgsqlDataSource db)
{
    public sealed record AccountRow(string Login, string DisplayName, IReadOnlyList<string> Roles, string? AgentId, string? MerchantId,
        string? WorkerId, string? TeamId, bool Disabled, DateTimeOffset CreatedAt);

    public sealed record AccountPage(IReadOnlyList<AccountRow> Items, int Total, int Page, int PageSize);

    public const int PageSize = 50;

    /// <summary>Accounts whose login or name contains <paramref name="q"/>, with a role and a state, by login.</summary>
    public async Task<AccountPage> List(string? q, string? role, string? state, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        await using var cmd = db.CreateCommand("""
            SELECT login, display_name, roles, agent_id, merchant_id, worker_id, team_id, disabled, created_at, count(*) OVER ()
            FROM app_user
            WHERE ($1 = '' OR login LIKE $1 ESCAPE '\' OR display_name ILIKE $1 ESCAPE '\')
              AND ($2 = '' OR $2 = ANY (roles))
              AND ($3 = '' OR disabled = ($3 = 'disabled'))
            ORDER BY login
            LIMIT $4 OFFSET $5
            """);
        cmd.Parameters.Add(new() { Value = Like(q) });
        cmd.Parameters.Add(new() { Value = role ?? "" });
        cmd.Parameters.Add(new() { Value = state is "disabled" or "active" ? state : "" });
        cmd.Parameters.Add(new() { Value = PageSize });
        cmd.Parameters.Add(new() { Value = (page - 1) * PageSize });
        var items = new List<AccountRow>();
        var total = 0;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            items.Add(new AccountRow(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6),
                r.GetBoolean(7), r.GetFieldValue<DateTimeOffset>(8)));
            total = (int)r.GetInt64(9);
        }
        if (items.Count == 0 && page > 1) total = await Count(q, role, state);
        return new AccountPage(items, total, page, PageSize);
    }

    /// <summary>Administrators who could still sign in besides <paramref name="except"/>: the center must never lose its last one.</summary>
    public async Task<int> OtherActiveAdmins(string except)
    {
        await using var cmd = db.CreateCommand("SELECT count(*) FROM app_user WHERE 'Admin' = ANY (roles) AND NOT disabled AND login <> $1");
        cmd.Parameters.Add(new() { Value = except });
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    // Once a center has an administrator it always has had one: the database is asked until then, never after.
    private volatile bool _anyAdmin;

    /// <summary>Whether anyone can administer this center yet; an empty installation shows how to create the first admin.</summary>
    public async Task<bool> AnyAdmin()
    {
        if (_anyAdmin) return true;
        await using var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM app_user WHERE 'Admin' = ANY (roles))");
        return _anyAdmin = (bool)(await cmd.ExecuteScalarAsync())!;
    }

    private async Task<int> Count(string? q, string? role, string? state)
    {
        await using var cmd = db.CreateCommand("""
            SELECT count(*) FROM app_user
            WHERE ($1 = '' OR login LIKE $1 ESCAPE '\' OR display_name ILIKE $1 ESCAPE '\') AND ($2 = '' OR $2 = ANY (roles))
              AND ($3 = '' OR disabled = ($3 = 'disabled'))
            """);
        cmd.Parameters.Add(new() { Value = Like(q) });
        cmd.Parameters.Add(new() { Value = role ?? "" });
        cmd.Parameters.Add(new() { Value = state is "disabled" or "active" ? state : "" });
        return (int)(long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>A contains-pattern with the user's % and _ taken literally ("" matches everything).</summary>
    public static string Like(string? q) =>
        string.IsNullOrWhiteSpace(q) ? "" : "%" + q.Trim().ToLowerInvariant().Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
