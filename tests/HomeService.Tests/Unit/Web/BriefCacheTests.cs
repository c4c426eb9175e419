using HomeService.Tests.Infrastructure;
using HomeService.Web.Data;

namespace HomeService.Tests.Unit.Web;

/// <summary>The transfer picker's merchants: one read per lifetime however often agents focus the field.</summary>
public sealed class BriefCacheTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task Asks_within_the_lifetime_share_one_read_and_the_next_ask_after_it_reads_again()
    {
        var clock = new MovableClock(T0);
        var reads = 0;
        var cache = new BriefCache<int>(() => Task.FromResult(Interlocked.Increment(ref reads)), TimeSpan.FromSeconds(30), clock);

        for (var i = 0; i < 50; i++) Assert.Equal(1, await cache.Get());
        clock.MoveTo(T0.AddSeconds(29));
        Assert.Equal(1, await cache.Get());
        clock.MoveTo(T0.AddSeconds(31));
        Assert.Equal(2, await cache.Get());
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task Asks_during_a_read_wait_for_it_and_a_failed_read_is_not_kept()
    {
        var reads = 0;
        var gate = new TaskCompletionSource<int>();
        var cache = new BriefCache<int>(() => { Interlocked.Increment(ref reads); return gate.Task; }, TimeSpan.FromMinutes(1), TimeProvider.System);
        var asks = Enumerable.Range(0, 10).Select(_ => cache.Get()).ToList();
        gate.SetException(new InvalidOperationException("database away"));
        foreach (var ask in asks) await Assert.ThrowsAsync<InvalidOperationException>(() => ask);
        Assert.Equal(1, reads);

        gate = new TaskCompletionSource<int>();
        gate.SetResult(7);
        Assert.Equal(7, await cache.Get());
        Assert.Equal(2, reads);
    }
}
