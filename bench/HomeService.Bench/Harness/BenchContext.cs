namespace HomeService.Bench.Harness;

/// <summary>What every scenario gets: where the repository and database are, how big to run, how often to repeat.</summary>
public sealed record BenchContext(string RepoRoot, string LogDir, string ConnectionString, bool Quick, int Repeats)
{
    /// <summary>
    /// A fresh, empty database for one scenario (same server), so scenarios never see each other's agents or orders;
    /// the silos create the schema and the demo data in it as on a first start.
    /// </summary>
    public async Task<BenchContext> WithFreshDatabase(string scenario)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        var name = $"bench_{scenario}";
        await using (var admin = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0" })
            {
                await using var cmd = new Npgsql.NpgsqlCommand(sql, admin);
                await cmd.ExecuteNonQueryAsync();
            }
        }
        builder.Database = name;
        return this with { ConnectionString = builder.ConnectionString };
    }

    /// <summary>Settings for every silo and web host the bench starts, on top of deploy/bench.sh's environment.</summary>
    public Dictionary<string, string> NodeSettings(IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__HomeService"] = ConnectionString,
            ["HomeService__Cluster__FastFailureDetection"] = "true",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        return settings;
    }
}
