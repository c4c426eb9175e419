using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>Teams as the back office lists them: each with its supervisor's name and how many seats are in it, from the read tables.</summary>
public sealed class TeamReader(NpgsqlDataSource db)
{
    public sealed record TeamRow(string TeamId, string Name, string? SupervisorLogin, string? SupervisorName, bool Active, int Members);

    public sealed record Supervisor(string Login, string DisplayName);

    public async Task<IReadOnlyList<TeamRow>> List()
    {
        await using var cmd = db.CreateCommand("""
            SELECT t.id, t.name, t.supervisor_login, u.display_name, t.active, (SELECT count(*) FROM agent a WHERE a.team_id = t.id)::int
            FROM call_team t LEFT JOIN app_user u ON u.login = t.supervisor_login
            ORDER BY t.active DESC, t.id
            """);
        var rows = new List<TeamRow>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            rows.Add(new TeamRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetBoolean(4), r.GetInt32(5)));
        return rows;
    }

    /// <summary>The enabled accounts with the Supervisor role, whom a team may be given; a center has tens of them, not thousands.</summary>
    public async Task<IReadOnlyList<Supervisor>> Supervisors()
    {
        await using var cmd = db.CreateCommand("SELECT login, display_name FROM app_user WHERE 'Supervisor' = ANY (roles) AND NOT disabled ORDER BY login LIMIT 1000");
        var rows = new List<Supervisor>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add(new Supervisor(r.GetString(0), r.GetString(1)));
        return rows;
    }
}
