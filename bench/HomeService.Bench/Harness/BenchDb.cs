using Npgsql;

namespace HomeService.Bench.Harness;

/// <summary>One-off statements against a scenario's database: set-up, and reading back what a run left behind.</summary>
public sealed class BenchDb(string connectionString)
{
    public async Task Execute(string sql, params object[] args)
    {
        await using var conn = await Open();
        await using var cmd = Command(conn, sql, args);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<object?> Scalar(string sql, params object[] args)
    {
        await using var conn = await Open();
        await using var cmd = Command(conn, sql, args);
        var value = await cmd.ExecuteScalarAsync();
        return value is DBNull ? null : value;
    }

    public async Task<double> Number(string sql, params object[] args) => Convert.ToDouble(await Scalar(sql, args) ?? 0);

    private async Task<NpgsqlConnection> Open()
    {
        var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        return conn;
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, object[] args)
    {
        var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 300 };
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return cmd;
    }
}
