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
    [InlineData("64:ff9b::7f00:1")]          // NAT64 well-known prefix: 127.0.0.1
    [InlineData("64:ff9b::169.254.169.254")] // the metadata address through a NAT64 gateway
    [InlineData("64:ff9b::a00:1")]           // 10.0.0.1
    [InlineData("64:ff9b:1::808:808")]       // NAT64 local use: inside whatever it carries
    [InlineData("64:ff9b:1:ffff::1")]
    [InlineData("::127.0.0.1")]              // IPv4-compatible (deprecated)
    [InlineData("::192.168.0.1")]
    [InlineData("2002:a9fe:a9fe::1")]        // 6to4 of 169.254.169.254
    [InlineData("2002:7f00:1:5::9")]         // 6to4 of 127.0.0.1
    [InlineData("2001:0:808:808::80ff:fffe")] // Teredo: the client, stored inverted, is 127.0.0.1
    [InlineData("2001:0:a00:1::f7f7:f7f7")]   // Teredo: the server is 10.0.0.1
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
    [InlineData("64:ff9b::808:808")]         // NAT64 of 8.8.8.8
    [InlineData("::8.8.8.8")]
    [InlineData("2002:808:808::1")]          // 6to4 of 8.8.8.8
    [InlineData("2001:0:808:808::f7f7:f7f7")] // Teredo: server and client 8.8.8.8
    [InlineData("2001:db9::1")]              // past Teredo's 2001::/32
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
    [InlineData("::ffff:10.1.2.3", "10.1.2.3")]
    [InlineData("64:ff9b::10.1.2.3", "10.1.2.3")]
    [InlineData("::10.1.2.3", "10.1.2.3")]
    [InlineData("2002:a01:203:4::1", "10.1.2.3")]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", "65.54.227.120,192.0.2.45")] // RFC 4380's example
    [InlineData("2001:4860::1", "")]
    [InlineData("10.1.2.3", "")]
    public void The_ipv4_address_an_ipv6_one_carries_is_decoded(string address, string carried) =>
        Assert.Equal(carried.Split(',', StringSplitOptions.RemoveEmptyEntries),
            EmbeddedIPv4.In(IPAddress.Parse(address)).Select(a => a.ToString()));

    [Fact]
    public void An_allowed_ipv4_target_is_allowed_through_nat64_too_and_nothing_more()
    {
        var rule = WebhookTargetRule.Parse(["127.0.0.1"]);
        Assert.True(rule.Allows(IPAddress.Parse("64:ff9b::7f00:1")));
        Assert.False(rule.Allows(IPAddress.Parse("64:ff9b::7f00:2")));
        Assert.False(rule.Allows(IPAddress.Parse("2002:a9fe:a9fe::1")));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("10.0.0.0/33")]
    public void A_bad_allowance_stops_the_silo_instead_of_being_ignored(string entry) =>
        Assert.Contains(WebhookTargetRule.Setting, Assert.Throws<InvalidOperationException>(() => WebhookTargetRule.Parse([entry])).Message);
}
