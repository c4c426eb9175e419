using Npgsql;

namespace HomeService.CallCenter.Ivr;

/// <summary>
/// Self-service (工单查询): an order's status by its number, from the work-order read table. Only the status is read:
/// whoever knows an order number may hear how it stands, never whose it is or where.
/// </summary>
public sealed class OrderStatusLookup(NpgsqlDataSource db)
{
    public async Task<string?> Status(string orderNo)
    {
        await using var cmd = db.CreateCommand("SELECT status FROM work_order WHERE order_no = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = orderNo });
        return await cmd.ExecuteScalarAsync() as string;
    }
}
