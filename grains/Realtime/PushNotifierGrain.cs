using Orleans.Concurrency;

namespace HomeService.Realtime;

/// <summary>
/// One activation per silo (stateless worker), so a grain's push never leaves its silo before it fans out.
/// The subscriber list is cached briefly: pushes are frequent, web hosts come and go rarely.
/// </summary>
[StatelessWorker(1)]
public sealed class PushNotifierGrain(TimeProvider clock) : Grain, IPushNotifierGrain
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CacheNoneFor = TimeSpan.FromMilliseconds(100);
    private IReadOnlyList<IPushObserver> _subscribers = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async Task Publish(PushMessage message)
    {
        var now = clock.GetUtcNow();
        // With no web host known yet, look again sooner, so the first one to subscribe gets pushes at once.
        if (now - _fetchedAt > (_subscribers.Count == 0 ? CacheNoneFor : CacheFor))
        {
            _subscribers = await GrainFactory.GetGrain<IPushDirectoryGrain>(0).GetSubscribers();
            _fetchedAt = now;
        }
        foreach (var subscriber in _subscribers) await subscriber.Push(message);
    }
}
