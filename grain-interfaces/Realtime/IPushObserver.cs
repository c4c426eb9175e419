using Orleans.Concurrency;

namespace HomeService.Realtime;

/// <summary>Implemented once per web host; turns grain notifications into SignalR group messages.</summary>
[Alias("HomeService.Realtime.IPushObserver")]
public interface IPushObserver : IGrainObserver
{
    [OneWay, Alias("Push")]
    Task Push(PushMessage message);
}
