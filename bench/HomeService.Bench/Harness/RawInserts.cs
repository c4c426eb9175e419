using Npgsql;

namespace HomeService.Bench.Harness;

/// <summary>
/// The database's own limit, for the same run: single-row INSERT transactions (each its own commit, at the server's
/// synchronous_commit) from as many connections as the scenario drives.
/// </summary>
public static class RawInserts
{
    public static async Task<double> PerSecond(string connectionString, int connections, TimeSpan duration)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = connections + 2 };
        await using var db = NpgsqlDataSource.Create(builder.ConnectionString);
        await using (var create = db.CreateCommand(
            "CREATE TABLE IF NOT EXISTS bench_raw_insert (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload jsonb NOT NULL)"))
            await create.ExecuteNonQueryAsync();
        var payload = """{"orderNo":"WO20261126000123","event":"WorkerCheckedIn","at":"2026-11-26T09:00:00Z"}""";
        var stop = DateTime.UtcNow + duration;
        long count = 0;
        var started = DateTime.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async _ =>
        {
            await using var conn = await db.OpenConnectionAsync();
            await using var cmd = new NpgsqlCommand("INSERT INTO bench_raw_insert (payload) VALUES ($1::jsonb)", conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = payload });
            await cmd.PrepareAsync();
            while (DateTime.UtcNow < stop)
            {
                await cmd.ExecuteNonQueryAsync();
                Interlocked.Increment(ref count);
            }
        }));
        return count / (DateTime.UtcNow - started).TotalSeconds;
    }
}
