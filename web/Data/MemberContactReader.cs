using Npgsql;

namespace HomeService.Web.Data;

/// <summary>The signed-in member's own contact and addresses, for the forms that act on their behalf (order, ask, callback).</summary>
public sealed class MemberContactReader(NpgsqlDataSource db)
{
    public sealed record Contact(string Phone, string Name);

    /// <summary>A labelled address from the member's address book (会员资料).</summary>
    public sealed record BookEntry(string Label, string Address, string District);

    public async Task<Contact?> Find(string memberId)
    {
        await using var cmd = db.CreateCommand("SELECT phone, name FROM member WHERE id = $1");
        cmd.Parameters.Add(new() { Value = memberId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? new Contact(r.GetString(0), r.GetString(1)) : null;
    }

    /// <summary>The plain address lines (as the call center's screen pop reads them).</summary>
    public async Task<IReadOnlyList<string>> Addresses(string memberId)
    {
        await using var cmd = db.CreateCommand("SELECT addresses FROM member WHERE id = $1");
        cmd.Parameters.Add(new() { Value = memberId });
        return await cmd.ExecuteScalarAsync() is string[] list ? list : [];
    }

    public async Task<IReadOnlyList<BookEntry>> AddressBook(string memberId)
    {
        await using var cmd = db.CreateCommand("""
            SELECT e->>'label', e->>'address', e->>'district' FROM member, jsonb_array_elements(address_book) e WHERE id = $1 AND e->>'address' <> ''
            """);
        cmd.Parameters.Add(new() { Value = memberId });
        var book = new List<BookEntry>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) book.Add(new BookEntry(r.IsDBNull(0) ? "" : r.GetString(0), r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2)));
        return book;
    }
}
