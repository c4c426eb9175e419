using System.Net;
using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

/// <summary>Which addresses a webhook may be delivered to: public ones, and inside ones only where the operator allows them.</summary>
public sealed class WebhookTargetRuleTests
{
    [Theory]
    [InlineData("127.0.0.1")]            // loopback
    [InlineData("127.255.0.9")]
    [InlineData("10.1.2.3")]             // private
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]      // cloud metadata
    [InlineData("169.254.0.1")]          // link-local
    [InlineData("100.64.0.1")]           // carrier-grade NAT
    [InlineData("100.127.255.254")]
    [InlineData("0.0.0.0")]              // unspecified
    [InlineData("224.0.0.251")]          // multicast
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fc00::1")]              // unique local
    [InlineData("fd00:ec2::254")]        // a cloud's IPv6 metadata address
    [InlineData("fe80::1")]              // link-local
    [InlineData("ff02::1")]              // multicast
    [InlineData("::ffff:127.0.0.1")]     // IPv4-mapped forms
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:100.64.0.1")]
    public void An_inside_address_is_refused(string address)
    {
        Assert.True(WebhookTargetRule.IsInside(IPAddress.Parse(address)));
        Assert.False(WebhookTargetRule.PublicOnly.Allows(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]           // just past 172.16/12
    [InlineData("100.128.0.1")]          // just past 100.64/10
    [InlineData("11.0.0.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void A_public_address_is_allowed(string address) =>
        Assert.True(WebhookTargetRule.PublicOnly.Allows(IPAddress.Parse(address)));

    [Fact]
    public void The_operator_lets_listed_addresses_and_ranges_through_and_nothing_else()
    {
        var rule = WebhookTargetRule.Parse(["127.0.0.1", " 10.20.0.0/16", "", "fd12::/16"]);
        Assert.True(rule.Allows(IPAddress.Parse("127.0.0.1")));
        Assert.True(rule.Allows(IPAddress.Parse("::ffff:127.0.0.1")));
        Assert.True(rule.Allows(IPAddress.Parse("10.20.3.4")));
        Assert.True(rule.Allows(IPAddress.Parse("fd12::5")));
        Assert.False(rule.Allows(IPAddress.Parse("127.0.0.2")));
        Assert.False(rule.Allows(IPAddress.Parse("10.21.0.1")));
        Assert.False(rule.Allows(IPAddress.Parse("169.254.169.254")));
        Assert.False(rule.Allows(IPAddress.Parse("::1")));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/33")]
    public void A_bad_allowance_stops_the_silo_instead_of_being_ignored(string entry) =>
        Assert.Contains(WebhookTargetRule.Setting, Assert.Throws<InvalidOperationException>(() => WebhookTargetRule.Parse([entry])).Message);
}
