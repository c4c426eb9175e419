using System.Threading.RateLimiting;
using HomeService.Members;
using Microsoft.AspNetCore.RateLimiting;

namespace HomeService.Web.Doors;

/// <summary>
/// A door's policy: a fixed window per client address (an IPv6 address by its /64, which one household is handed whole).
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
        return RateLimitPartition.GetFixedWindowLimiter(CodeRequestAddress.KeyOf(http.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = door.Permits,
            Window = door.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
