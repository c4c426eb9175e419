using System.Net;
using System.Net.Sockets;

namespace HomeService.WorkOrders;

/// <summary>
/// The IPv4 addresses an IPv6 address carries by a translation or tunnel scheme. A packet sent to one of these ends up
/// at the IPv4 address, so a webhook target rule must judge that too: 64:ff9b::a9fe:a9fe is the metadata address
/// 169.254.169.254 through a NAT64 gateway.
/// </summary>
public static class EmbeddedIPv4
{
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");            // IPv4-compatible, deprecated (RFC 4291)
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");          // NAT64 well-known prefix (RFC 6052)
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");         // 6to4: the IPv4 is bits 16-47 (RFC 3056)
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");            // Teredo (RFC 4380)

    /// <summary>
    /// NAT64 local-use prefix (RFC 8215). Where the IPv4 sits depends on the prefix length the operator chose inside it
    /// (/48 to /96, RFC 6052), which a target address does not say; and such an address only ever reaches a translator
    /// of the network it is used in. So the whole range counts as inside, not decoded.
    /// </summary>
    public static readonly IPNetwork Nat64LocalUse = IPNetwork.Parse("64:ff9b:1::/48");

    /// <summary>Every IPv4 address <paramref name="address"/> carries; none for an IPv4 or a plain IPv6 address.</summary>
    public static IEnumerable<IPAddress> In(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6) yield break;
        var b = address.GetAddressBytes();
        // IPv4-mapped ::ffff:0:0/96 (RFC 4291), asked by name as the rest of the rule asks it.
        if (address.IsIPv4MappedToIPv6 || Compatible.Contains(address) || Nat64.Contains(address)) yield return V4(b[12], b[13], b[14], b[15]);
        else if (SixToFour.Contains(address)) yield return V4(b[2], b[3], b[4], b[5]);
        else if (Teredo.Contains(address))
        {
            yield return V4(b[4], b[5], b[6], b[7]); // the Teredo server
            yield return V4((byte)~b[12], (byte)~b[13], (byte)~b[14], (byte)~b[15]); // the client, stored inverted
        }
    }

    private static IPAddress V4(byte a, byte b, byte c, byte d) => new([a, b, c, d]);
}
