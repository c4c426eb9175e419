using HomeService.CallCenter;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// Resolves whom an agent calls out to from the read tables: the number to dial (never sent to the browser) and the
/// profile and order the outbound pop (去电弹屏) shows, with the phone masked.
/// </summary>
public sealed class OutboundTargets(NpgsqlDataSource db)
{
    public sealed record Resolved(string Number, OutboundTarget Target);

    /// <summary>Null with the field at fault when the target or the order is unknown (or the order is not theirs).</summary>
    public async Task<(Resolved? Resolved, string? Field)> Resolve(string kind, string? id, string? number, string? orderNo)
    {
        (string Phone, string? Name, string? Level, string? MerchantName)? who = kind switch
        {
            OutboundTarget.Member => await Row("SELECT phone, name, CASE WHEN vip THEN 'VIP' END, NULL FROM member WHERE id = $1", id),
            OutboundTarget.Merchant => await Row("SELECT phone, name, credit_level, NULL FROM merchant WHERE id = $1", id),
            OutboundTarget.Worker => await Row("""
                SELECT w.phone, w.name, w.status, m.name FROM worker w JOIN merchant m ON m.id = w.merchant_id WHERE w.id = $1
                """, id),
            _ => number is not null && PhoneNumber.IsDialable(PhoneNumber.Normalize(number)) ? (PhoneNumber.Normalize(number), null, null, null) : null,
        };
        if (who is not { } w) return (null, kind == OutboundTarget.Number ? "number" : "id");
        OrderSummary? order = null;
        string? address = null;
        if (orderNo is not null)
        {
            await using var cmd = db.CreateCommand("""
                SELECT o.order_no, o.kind, coalesce(c.name_zh, o.category_code, ''), o.status, o.created_at, o.address, o.member_id, o.merchant_id, o.worker_id
                FROM work_order o LEFT JOIN service_category c ON c.code = o.category_code WHERE o.order_no = $1
                """);
            cmd.Parameters.Add(new() { Value = orderNo });
            await using var r = await cmd.ExecuteReaderAsync();
            if (!await r.ReadAsync()) return (null, "orderNo");
            // The order must concern the person called: their own order, their company's, or the one they serve.
            var owner = kind switch
            {
                OutboundTarget.Member => Text(r, 6),
                OutboundTarget.Merchant => Text(r, 7),
                OutboundTarget.Worker => Text(r, 8),
                _ => id,
            };
            if (kind != OutboundTarget.Number && owner != id) return (null, "orderNo");
            order = new OrderSummary(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4));
            address = PersonalData.MaskAddress(Text(r, 5));
        }
        return (new Resolved(w.Phone, new OutboundTarget(kind, kind == OutboundTarget.Number ? null : id, w.Name, w.Level,
            PersonalData.MaskPhone(w.Phone), w.MerchantName, order, address)), null);
    }

    private async Task<(string, string?, string?, string?)?> Row(string sql, string? id)
    {
        if (id is null) return null;
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? (r.GetString(0), Text(r, 1), Text(r, 2), Text(r, 3)) : null;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
