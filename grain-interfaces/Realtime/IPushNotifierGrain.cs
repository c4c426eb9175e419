using Orleans.Concurrency;

namespace HomeService.Realtime;

/// <summary>Local, stateless fan-out from any grain to every subscribed web host. Key 0.</summary>
[Alias("HomeService.Realtime.IPushNotifierGrain")]
public interface IPushNotifierGrain : IGrainWithIntegerKey
{
    [OneWay, Alias("Publish")]
    Task Publish(PushMessage message);
}
