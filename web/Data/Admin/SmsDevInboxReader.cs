using Npgsql;

namespace HomeService.Web.Data.Admin;

/// <summary>The development SMS provider's messages, newest first: what the phones would have received.</summary>
public sealed class SmsDevInboxReader(NpgsqlDataSource db)
{
    public const int Limit = 100;

    public sealed record Message(Guid OutId, string Phone, string SignName, string Template, string Text, DateTimeOffset ReceivedAt);

    public async Task<IReadOnlyList<Message>> Latest(string? phone)
    {
        await using var cmd = db.CreateCommand("""
            SELECT out_id, phone, sign_name, template, text, received_at FROM sms_dev_inbox
            WHERE ($1 = '' OR phone = $1) ORDER BY received_at DESC, out_id LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = phone ?? "" });
        cmd.Parameters.Add(new() { Value = Limit });
        var list = new List<Message>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            list.Add(new Message(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5)));
        return list;
    }
}
