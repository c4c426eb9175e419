using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// What the public site shows beyond the catalogue and the merchant lookup: the hot services (服务热点: the categories
/// most ordered in the last 30 days), a merchant's public profile and its reviews. Hot services are counted at most
/// once a minute per web host, so the home page does not count orders on every visit.
/// </summary>
public sealed class PublicSiteReader(NpgsqlDataSource db, IMemoryCache cache)
{
    public sealed record HotService(string Category, long Orders);

    public sealed record MerchantPage(MerchantLookupReader.MerchantCard Card, string Address, string District, DateTimeOffset? AdmittedAt);

    public sealed record Review(string? Reviewer, int Stars, string? Comment, string? Category, DateTimeOffset At);

    public Task<IReadOnlyList<HotService>> HotServices(int count = 8) =>
        cache.GetOrCreateAsync($"hot-services:{count}", async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            await using var cmd = db.CreateCommand("""
                SELECT category_code, count(*) FROM work_order
                WHERE kind = 'service' AND category_code IS NOT NULL AND created_at > now() - interval '30 days'
                GROUP BY category_code ORDER BY count(*) DESC, category_code LIMIT $1
                """);
            cmd.Parameters.Add(new() { Value = count });
            var hot = new List<HotService>();
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync()) hot.Add(new HotService(r.GetString(0), r.GetInt64(1)));
            return (IReadOnlyList<HotService>)hot;
        })!;

    /// <summary>An admitted merchant's public page, or null (unknown, still applying, suspended or gone).</summary>
    public async Task<MerchantPage?> Merchant(string id, MerchantLookupReader lookup)
    {
        if (await lookup.Find(id) is not { } card) return null;
        await using var cmd = db.CreateCommand("SELECT address, district, applied_at FROM merchant WHERE id = $1");
        cmd.Parameters.Add(new() { Value = id });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? new MerchantPage(card, r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetFieldValue<DateTimeOffset>(2)) : null;
    }

    public async Task<IReadOnlyList<Review>> Reviews(string merchantId, int count = 10)
    {
        await using var cmd = db.CreateCommand("""
            SELECT reviewer, stars, comment, category_code, reviewed_at FROM service_review WHERE merchant_id = $1 ORDER BY reviewed_at DESC LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = merchantId });
        cmd.Parameters.Add(new() { Value = count });
        var reviews = new List<Review>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            reviews.Add(new Review(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<DateTimeOffset>(4)));
        return reviews;
    }
}
