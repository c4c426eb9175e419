using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace HomeService.Realtime;

public sealed class PushDirectoryGrain(ILogger<PushDirectoryGrain> logger) : Grain, IPushDirectoryGrain
{
    // Web hosts re-subscribe every few seconds; a host that stops doing so drops out after this long.
    private readonly ObserverManager<IPushObserver> _subscribers = new(TimeSpan.FromSeconds(45), logger);

    public Task Subscribe(IPushObserver observer)
    {
        _subscribers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IPushObserver observer)
    {
        _subscribers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<IPushObserver>> GetSubscribers()
    {
        _subscribers.ClearExpired();
        return Task.FromResult<IReadOnlyList<IPushObserver>>(_subscribers.ToList());
    }
}
