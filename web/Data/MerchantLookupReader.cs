using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// The merchant lookup (加盟企业查询): admitted merchants (active or warned) with their level, categories, districts,
/// completed orders and average rating, searchable by name and filterable by category and district. The same read
/// serves residents and the agents' console; nothing in it is private.
/// </summary>
public sealed class MerchantLookupReader(NpgsqlDataSource db)
{
    public sealed record MerchantCard(string MerchantId, string Name, string CreditLevel, int CreditScore, IReadOnlyList<string> Categories,
        IReadOnlyList<string> Districts, string? BusinessHours, string Phone, long CompletedOrders, double? AverageRating, string Status, string? Listed);

    private static readonly string[] Admitted = ["Active", "Warned"];
    private static readonly string[] Known = ["Active", "Warned", "Suspended", "Exited"];

    private const string Columns = """
        SELECT m.id, m.name, m.credit_level, m.credit_score, m.categories, m.districts, m.business_hours, m.phone,
               m.completed_orders::bigint, CASE WHEN m.rating_count > 0 THEN m.rating_sum::float8 / m.rating_count END, m.status, m.listed
        FROM merchant m
        """;

    /// <summary>
    /// Residents see admitted merchants only. The call center (<paramref name="withSuspended"/>) also sees suspended and
    /// exited ones with their red or black listing: a caller asking about a company must hear why it gets no orders.
    /// </summary>
    public async Task<IReadOnlyList<MerchantCard>> Search(string? text, string? category, string? district, int limit = 50, bool withSuspended = false)
    {
        await using var cmd = db.CreateCommand($"""
            {Columns}
            WHERE m.status = ANY ($5)
              AND ($1::text IS NULL OR strpos(m.name, $1) > 0)
              AND ($2::text IS NULL OR $2 = ANY (m.categories))
              AND ($3::text IS NULL OR $3 = ANY (m.districts))
            ORDER BY m.credit_score DESC, m.id
            LIMIT $4
            """);
        cmd.Parameters.Add(new() { Value = Blank(text) ?? (object)DBNull.Value });
        cmd.Parameters.Add(new() { Value = Blank(category) ?? (object)DBNull.Value });
        cmd.Parameters.Add(new() { Value = Blank(district) ?? (object)DBNull.Value });
        cmd.Parameters.Add(new() { Value = Math.Clamp(limit, 1, 200) });
        cmd.Parameters.Add(new() { Value = withSuspended ? Known : Admitted });
        return await Read(cmd);
    }

    /// <summary>One admitted merchant's card, or null.</summary>
    public async Task<MerchantCard?> Find(string merchantId)
    {
        if (merchantId.Length > 32) return null;
        await using var cmd = db.CreateCommand($"{Columns} WHERE m.id = $1 AND m.status = ANY ($2)");
        cmd.Parameters.Add(new() { Value = merchantId });
        cmd.Parameters.Add(new() { Value = Admitted });
        return (await Read(cmd)).FirstOrDefault();
    }

    private static async Task<IReadOnlyList<MerchantCard>> Read(NpgsqlCommand cmd)
    {
        var cards = new List<MerchantCard>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            cards.Add(new MerchantCard(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetFieldValue<string[]>(4), r.GetFieldValue<string[]>(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetInt64(8), r.IsDBNull(9) ? null : Math.Round(r.GetDouble(9), 2), r.GetString(10),
                r.IsDBNull(11) ? null : r.GetString(11)));
        return cards;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim()[..Math.Min(s.Trim().Length, 50)];
}
