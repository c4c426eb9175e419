using Npgsql;

namespace HomeService.WorkOrders;

/// <summary>
/// Human-readable order numbers, unique across the cluster: WO + the day in Asia/Shanghai + a six-digit counter
/// for that day, allocated by one row update in PostgreSQL.
/// </summary>
public sealed class OrderNumbers(NpgsqlDataSource db)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    public async Task<string> Next(DateTimeOffset now)
    {
        var day = DateOnly.FromDateTime(now.ToOffset(China).DateTime);
        await using var cmd = db.CreateCommand("""
            INSERT INTO order_number_counter (day, last) VALUES ($1, 1)
            ON CONFLICT (day) DO UPDATE SET last = order_number_counter.last + 1
            RETURNING last
            """);
        cmd.Parameters.Add(new() { Value = day });
        var n = (int)(await cmd.ExecuteScalarAsync())!;
        return Format(day, n);
    }

    public static string Format(DateOnly day, int n) => $"WO{day:yyyyMMdd}{n:000000}";
}
