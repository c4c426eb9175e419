using System.Net;

namespace HomeService.WorkOrders;

/// <summary>
/// Where a partner's webhook may be delivered: a public address only. The silos that deliver sit inside the center's
/// network, so a webhook pointed at the loopback, a private or link-local range, the cloud metadata address
/// (169.254.169.254) or a multicast address would let a partner make the center send requests to its own insides (SSRF).
/// The operator can let some inside targets through (<see cref="Setting"/>), as the test deployment does for its local
/// receiver. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are judged as the IPv4 address they carry.
/// </summary>
public sealed class WebhookTargetRule(IReadOnlyList<IPNetwork> allowed)
{
    public const string Setting = "HomeService:Webhooks:AllowedTargets";

    /// <summary>No inside target allowed: the production default.</summary>
    public static readonly WebhookTargetRule PublicOnly = new([]);

    private static readonly IPNetwork[] Inside =
    [
        IPNetwork.Parse("0.0.0.0/8"),        // unspecified, "this network"
        IPNetwork.Parse("10.0.0.0/8"),       // private
        IPNetwork.Parse("100.64.0.0/10"),    // carrier-grade NAT
        IPNetwork.Parse("127.0.0.0/8"),      // loopback
        IPNetwork.Parse("169.254.0.0/16"),   // link-local, the cloud metadata address 169.254.169.254 among them
        IPNetwork.Parse("172.16.0.0/12"),    // private
        IPNetwork.Parse("192.168.0.0/16"),   // private
        IPNetwork.Parse("224.0.0.0/4"),      // multicast
        IPNetwork.Parse("240.0.0.0/4"),      // reserved, broadcast
        IPNetwork.Parse("::/128"),           // unspecified
        IPNetwork.Parse("::1/128"),          // loopback
        IPNetwork.Parse("fc00::/7"),         // unique local (private)
        IPNetwork.Parse("fe80::/10"),        // link-local
        IPNetwork.Parse("fec0::/10"),        // the old site-local
        IPNetwork.Parse("ff00::/8"),         // multicast
    ];

    /// <summary>
    /// The rule with the operator's allowed targets: IP addresses or CIDR ranges. A bad entry stops the silo, since a
    /// mistyped allowance silently refusing (or allowing) deliveries is worse.
    /// </summary>
    public static WebhookTargetRule Parse(IEnumerable<string> entries) => new(entries.Select(e => e.Trim()).Where(e => e.Length > 0).Select(e =>
        IPAddress.TryParse(e, out var address) ? new IPNetwork(Normal(address), Normal(address).GetAddressBytes().Length * 8)
        : IPNetwork.TryParse(e, out var network) ? network
        : throw new InvalidOperationException($"{Setting}: '{e}' is neither an IP address nor a CIDR range.")).ToList());

    /// <summary>Whether a delivery may connect to <paramref name="address"/>.</summary>
    public bool Allows(IPAddress address)
    {
        var a = Normal(address);
        return !IsInside(a) || allowed.Any(n => n.Contains(a));
    }

    /// <summary>Loopback, private, link-local, CGNAT, unspecified, multicast or reserved (an IPv4-mapped form counts as its IPv4 address).</summary>
    public static bool IsInside(IPAddress address)
    {
        var a = Normal(address);
        return Inside.Any(n => n.Contains(a));
    }

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
