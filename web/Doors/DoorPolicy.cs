using System.Threading.RateLimiting;
using HomeService.Members;
using Microsoft.AspNetCore.RateLimiting;

namespace HomeService.Web.Doors;

/// <summary>
/// A door's policy: an allowance per client address (an IPv6 address by its /64, which one household is handed whole),
/// counted by the cluster so every web host takes from the same one (<see cref="ClusterDoorLimiter"/>).
/// Reading a form is free; only what goes through the door counts, so a page's GET never uses up its POSTs.
/// </summary>
public sealed class DoorPolicy(Door door, Func<HttpRequest, bool>? counts = null) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => DoorRefusal.Write;

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var request = http.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || counts?.Invoke(request) == false)
            return RateLimitPartition.GetNoLimiter("");
        // The address after the forwarded-headers middleware, which takes X-Forwarded-For only from known proxies.
        return RateLimitPartition.Get(CodeRequestAddress.KeyOf(http.Connection.RemoteIpAddress), address => new ClusterDoorLimiter(
            http.RequestServices.GetRequiredService<IClusterClient>(), door, address,
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger<ClusterDoorLimiter>()));
    }
}
