using Npgsql;

namespace HomeService.CallCenter.Calls;

/// <summary>Whom an agent can add to a call, from the read tables: a merchant's contact phone, a worker's phone.</summary>
public sealed class PartyDirectory(NpgsqlDataSource db)
{
    public sealed record Contact(string Name, string Phone);

    public Task<Contact?> Merchant(string merchantId) => One("SELECT name, phone FROM merchant WHERE id = $1", merchantId);

    public Task<Contact?> Worker(string workerId) => One("SELECT name, phone FROM worker WHERE id = $1", workerId);

    private async Task<Contact?> One(string sql, string id)
    {
        await using var cmd = db.CreateCommand(sql);
        cmd.Parameters.Add(new() { Value = id });
        await using var reader = await cmd.ExecuteReaderAsync();
        return await reader.ReadAsync() ? new Contact(reader.GetString(0), PhoneNumber.Normalize(reader.GetString(1))) : null;
    }
}
