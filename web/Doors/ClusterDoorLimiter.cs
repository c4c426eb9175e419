using System.Threading.RateLimiting;
using HomeService.Doors;
using HomeService.Web.Hosting;

namespace HomeService.Web.Doors;

/// <summary>
/// A door's limiter for one address whose count lives in the cluster (<see cref="IDoorCountGrain"/>), so the allowance
/// is one for all web hosts. It holds no state of its own: the synchronous attempt always says "ask", which makes ASP.NET
/// Core's rate limiter await <see cref="AcquireAsyncCore"/>, where the grain is asked.
/// </summary>
public sealed class ClusterDoorLimiter(IGrainFactory grains, Door door, string address, ILogger logger) : RateLimiter
{
    // Stateless, so it may be dropped and made again at any time: always idle for the partitioned limiter's sweep.
    public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => DoorLease.Ask;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            var wait = await grains.GetGrain<IDoorCountGrain>($"{door.Name}|{address}").Take(door.Permits, door.Window);
            return wait == 0 ? DoorLease.Through : DoorLease.Wait(wait);
        }
        catch (Exception e) when (ClusterFaults.IsTransient(e))
        {
            // With no silo to count, the request itself cannot be served either; it meets the cluster's 503, not a 429.
            logger.LogWarning("The {Door} door could not be counted ({Error}); letting the request through", door.Name, e.Message);
            return DoorLease.Through;
        }
    }

    private sealed class DoorLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly DoorLease Ask = new(false, null), Through = new(true, null);
        public static DoorLease Wait(int seconds) => new(false, TimeSpan.FromSeconds(seconds));

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
