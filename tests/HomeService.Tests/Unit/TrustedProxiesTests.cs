using System.Net;
using HomeService.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HomeService.Tests.Unit;

/// <summary>Which senders' X-Forwarded-For is believed: only configured proxies, none by default (not even the loopback).</summary>
public sealed class TrustedProxiesTests
{
    private static ForwardedHeadersOptions Options(Dictionary<string, string?> settings)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddTrustedProxies(config).BuildServiceProvider();
        return services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
    }

    [Fact]
    public void Without_configured_proxies_no_forwarded_header_is_read_from_anyone()
    {
        var options = Options(new());
        Assert.Equal(ForwardedHeaders.None, options.ForwardedHeaders);
        Assert.Empty(options.KnownProxies);
        Assert.Empty(options.KnownIPNetworks);
    }

    [Fact]
    public void Proxies_are_addresses_or_ranges_listed_comma_separated_or_as_an_array()
    {
        var listed = Options(new() { [TrustedProxies.Setting] = "10.0.0.5, 10.1.0.0/16" });
        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, listed.ForwardedHeaders);
        Assert.Equal([IPAddress.Parse("10.0.0.5")], listed.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("10.1.0.0/16")], listed.KnownIPNetworks);

        var array = Options(new() { [$"{TrustedProxies.Setting}:0"] = "::1", [$"{TrustedProxies.Setting}:1"] = "fd00::/8" });
        Assert.Equal([IPAddress.IPv6Loopback], array.KnownProxies);
        Assert.Single(array.KnownIPNetworks);
    }

    [Fact]
    public void A_proxy_that_is_no_address_stops_the_host()
    {
        Assert.Throws<InvalidOperationException>(() => Options(new() { [TrustedProxies.Setting] = "lb.example" }));
    }
}
