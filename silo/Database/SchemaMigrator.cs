using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace HomeService.Silo.Database;

/// <summary>
/// Applies the embedded, numbered SQL scripts in Schema/ exactly once each, in order.
/// Several silos may start together, so the whole run holds a PostgreSQL advisory lock; every script
/// runs in its own transaction and is recorded with a checksum, so an edited, already applied script fails fast.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, ILogger<SchemaMigrator> logger)
{
    private const long LockKey = 0x486F6D6553657276; // "HomeServ"

    public static IReadOnlyList<Migration> Embedded { get; } = LoadEmbedded();

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await Execute(conn, "SELECT pg_advisory_lock(@k)", ct, ("k", LockKey));
        try
        {
            await Execute(conn, """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version    integer PRIMARY KEY,
                    name       text NOT NULL,
                    checksum   text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);

            var applied = new Dictionary<int, string>();
            await using (var cmd = new NpgsqlCommand("SELECT version, checksum FROM schema_migration", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied[reader.GetInt32(0)] = reader.GetString(1);

            var count = 0;
            foreach (var migration in Embedded)
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new InvalidOperationException(
                            $"Schema script {migration.Name} was changed after it was applied. Add a new script instead of editing an applied one.");
                    continue;
                }

                await using var tx = await conn.BeginTransactionAsync(ct);
                await using (var cmd = new NpgsqlCommand(migration.Sql, conn, tx)) await cmd.ExecuteNonQueryAsync(ct);
                await using (var cmd = new NpgsqlCommand(
                    "INSERT INTO schema_migration (version, name, checksum) VALUES (@v, @n, @c)", conn, tx))
                {
                    cmd.Parameters.AddWithValue("v", migration.Version);
                    cmd.Parameters.AddWithValue("n", migration.Name);
                    cmd.Parameters.AddWithValue("c", migration.Checksum);
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied schema script {Script}", migration.Name);
                count++;
            }
            return count;
        }
        finally
        {
            await Execute(conn, "SELECT pg_advisory_unlock(@k)", CancellationToken.None, ("k", LockKey));
        }
    }

    private static async Task Execute(NpgsqlConnection conn, string sql, CancellationToken ct, params (string Name, object Value)[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var (name, value) in args) cmd.Parameters.AddWithValue(name, value);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static List<Migration> LoadEmbedded()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var list = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal)))
        {
            // Resource names look like HomeService.Silo.Schema.001_orleans_query.sql
            var file = resource[(resource.IndexOf(".Schema.", StringComparison.Ordinal) + ".Schema.".Length)..];
            var version = int.Parse(file[..file.IndexOf('_')]);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var sql = reader.ReadToEnd().Replace("\r\n", "\n");
            var checksum = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sql)))[..16];
            list.Add(new Migration(version, file, sql, checksum));
        }
        var duplicates = list.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicates is not null) throw new InvalidOperationException($"Two schema scripts share version {duplicates.Key}.");
        return list.OrderBy(m => m.Version).ToList();
    }

    public sealed record Migration(int Version, string Name, string Sql, string Checksum);
}
