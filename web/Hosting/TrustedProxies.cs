using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HomeService.Web.Hosting;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address, so the per-address limits (sign-in attempts,
/// verification codes) would count the whole city as one client. The client's own address is taken from X-Forwarded-For,
/// but only from the proxies listed in "HomeService:Web:TrustedProxies"; from anyone else the header is ignored, since a
/// client could otherwise name a fresh address on every request.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = config.GetSection("HomeService:Web:TrustedProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else throw new InvalidOperationException($"HomeService:Web:TrustedProxies: '{proxy}' is not an IP address.");
        });
        return services;
    }
}
