using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace HomeService.Web.Hosting;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address, so the per-address limits (the doors, the
/// code quota) would count the whole city as one client. The client's own address and scheme are taken from
/// X-Forwarded-For / -Proto, but only from the proxies listed in "HomeService:Web:TrustedProxies" (addresses or CIDR
/// ranges, as an array or comma-separated); from anyone else the headers are ignored, since a client could otherwise
/// name a fresh address on every request.
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "HomeService:Web:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration config)
    {
        var proxies = Read(config);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // ASP.NET Core trusts the loopback by default, and with both lists empty it trusts every sender; so with no
            // proxy configured the headers are not read at all.
            o.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable CS0618, ASPDEPR005 // the obsolete list, in case it is still read beside KnownIPNetworks
            o.KnownNetworks.Clear();
#pragma warning restore CS0618, ASPDEPR005
            foreach (var proxy in proxies)
                if (IPAddress.TryParse(proxy, out var address)) o.KnownProxies.Add(address);
                else if (System.Net.IPNetwork.TryParse(proxy, out var network)) o.KnownIPNetworks.Add(network);
                else throw new InvalidOperationException($"{Setting}: '{proxy}' is neither an IP address nor a CIDR range.");
        });
        return services;
    }

    /// <summary>The configured proxies: "TrustedProxies:0", ":1", … or one comma-separated "TrustedProxies".</summary>
    public static IReadOnlyList<string> Read(IConfiguration config) => ListSetting.Read(config, Setting);
}
