using Npgsql;

namespace HomeService.Web.Data;

/// <summary>
/// What the public site shows beyond the catalogue and the merchant lookup: the hot services (服务热点: the categories
/// most ordered in the last 30 days), a merchant's public profile and its reviews. Hot services are counted at most
/// once a minute per web host, off the visitor's path, so the home page does not count orders on every visit.
/// </summary>
public sealed class PublicSiteReader(NpgsqlDataSource db, TimeProvider time)
{
    public sealed record HotService(string Category, long Orders);

    public sealed record MerchantPage(MerchantLookupReader.MerchantCard Card, string Address, string District, DateTimeOffset? AdmittedAt);

    /// <summary>Photos: the addresses of the photos the resident attached (<see cref="ReviewPhotoStore.Url"/>).</summary>
    public sealed record Review(string? Reviewer, int Stars, string? Comment, string? Category, DateTimeOffset At, IReadOnlyList<string> Photos);

    private static readonly TimeSpan HotMaxAge = TimeSpan.FromMinutes(1);
    private readonly Lock _hotLock = new();
    private readonly Dictionary<int, HotCount> _hot = [];

    /// <summary>One count of the hot services and when it started; Refreshing while the next count runs.</summary>
    private sealed class HotCount(Task<IReadOnlyList<HotService>> counting, long startedAt)
    {
        public Task<IReadOnlyList<HotService>> Counting { get; } = counting;
        public long StartedAt { get; } = startedAt;
        public bool Refreshing { get; set; }
    }

    /// <summary>
    /// The hot services, counted at most once a minute per web host. Counting means reading a month of orders (some
    /// 40 ms at 100,000 orders), so no visitor waits for it but the first: a request that finds the count older than a
    /// minute starts the next one in the background and is answered from the last one; the newer list replaces it when
    /// ready. A failed count is retried by the next request.
    /// </summary>
    public Task<IReadOnlyList<HotService>> HotServices(int count = 8)
    {
        lock (_hotLock)
        {
            if (!_hot.TryGetValue(count, out var hot) || hot.Counting.IsFaulted || hot.Counting.IsCanceled)
                _hot[count] = hot = new HotCount(Task.Run(() => CountHot(count)), time.GetTimestamp());
            else if (hot.Counting.IsCompletedSuccessfully && !hot.Refreshing && time.GetElapsedTime(hot.StartedAt) >= HotMaxAge)
            {
                hot.Refreshing = true;
                var started = time.GetTimestamp();
                var next = Task.Run(() => CountHot(count));
                next.ContinueWith(t =>
                {
                    lock (_hotLock)
                    {
                        if (t.IsCompletedSuccessfully) _hot[count] = new HotCount(t, started);
                        else hot.Refreshing = false; // keep the last list; the next request tries again
                    }
                }, TaskScheduler.Default);
            }
            return hot.Counting;
        }
    }

    private async Task<IReadOnlyList<HotService>> CountHot(int count)
    {
        await using var cmd = db.CreateCommand("""
            SELECT category_code, count(*) FROM work_order
            WHERE kind = 'service' AND category_code IS NOT NULL AND created_at > now() - interval '30 days'
            GROUP BY category_code ORDER BY count(*) DESC, category_code LIMIT $1
            """);
        cmd.Parameters.Add(new() { Value = count });
        var hot = new List<HotService>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) hot.Add(new HotService(r.GetString(0), r.GetInt64(1)));
        return hot;
    }

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
            SELECT reviewer, stars, comment, category_code, reviewed_at, photos FROM service_review WHERE merchant_id = $1 ORDER BY reviewed_at DESC LIMIT $2
            """);
        cmd.Parameters.Add(new() { Value = merchantId });
        cmd.Parameters.Add(new() { Value = count });
        var reviews = new List<Review>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            reviews.Add(new Review(r.IsDBNull(0) ? null : r.GetString(0), r.GetInt32(1), r.IsDBNull(2) ? null : r.GetString(2),
                r.IsDBNull(3) ? null : r.GetString(3), r.GetFieldValue<DateTimeOffset>(4), r.GetFieldValue<Guid[]>(5).Select(ReviewPhotoStore.Url).ToArray()));
        return reviews;
    }
}
