using System.Net;
using HomeService.Doors;
using HomeService.Members;

namespace HomeService.Tests.Unit.Members;

/// <summary>The per-address limit on verification codes: an hour's allowance, then a wait until the oldest one ages out.</summary>
public sealed class AddressQuotaTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_address_gets_its_hourly_allowance_then_waits_until_the_first_request_is_an_hour_old()
    {
        var quota = new AddressQuota();
        for (var i = 0; i < 3; i++) Assert.Equal(TimeSpan.Zero, quota.Take(Start.AddMinutes(i * 10), permits: 3, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromMinutes(25), quota.Take(Start.AddMinutes(35), permits: 3, TimeSpan.FromHours(1)));
        // A refused request is not counted, so it does not push the wait further out.
        Assert.Equal(TimeSpan.FromMinutes(5), quota.Take(Start.AddMinutes(55), permits: 3, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.Zero, quota.Take(Start.AddMinutes(60), permits: 3, TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromMinutes(10), quota.Take(Start.AddMinutes(60), permits: 3, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void Addresses_count_by_host_for_ipv4_and_by_64_prefix_for_ipv6(string address, string key) =>
        Assert.Equal(key, CodeRequestAddress.KeyOf(IPAddress.Parse(address)));
}
