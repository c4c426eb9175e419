using Npgsql;

namespace HomeService.Bench.Harness;

/// <summary>Rows inserted, updated and deleted per table (PostgreSQL's own counters): work per unit, whatever the machine's speed.</summary>
public static class TableWrites
{
    public static async Task<Dictionary<string, long>> Snapshot(string connectionString)
    {
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // backends report their counters within a second of a commit
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables WHERE relname <> 'bench_raw_insert'", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var writes = new Dictionary<string, long>();
        while (await r.ReadAsync()) writes[r.GetString(0)] = r.GetInt64(1);
        return writes;
    }

    public static Dictionary<string, long> Since(Dictionary<string, long> before, Dictionary<string, long> after) =>
        after.ToDictionary(a => a.Key, a => a.Value - before.GetValueOrDefault(a.Key));

    public static string PerUnit(Dictionary<string, long> writes, int units) =>
        string.Join(", ", writes.Where(w => w.Value > 0).OrderByDescending(w => w.Value).Select(w => $"{w.Key} {w.Value / (double)units:0.##}"));
}
