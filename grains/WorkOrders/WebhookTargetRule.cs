using System.Net;

namespace HomeService.WorkOrders;

/// <summary>
/// Where a partner's webhook may be delivered: a public address only. The silos that deliver sit inside the center's
/// network, so a webhook pointed at the loopback, a private or link-local range, the cloud metadata address
/// (169.254.169.254) or a multicast address would let a partner make the center send requests to its own insides (SSRF).
/// The operator can let some inside targets through (<see cref="Setting"/>), as the test deployment does for its local
/// receiver. An IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:10.0.0.1, NAT64 64:ff9b::a00:1, 6to4,
/// Teredo, IPv4-compatible: <see cref="EmbeddedIPv4"/>) is judged as that IPv4 address too, since that is where it leads.
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
        EmbeddedIPv4.Nat64LocalUse,          // NAT64 local use: a translator inside the network
    ];

    /// <summary>
    /// The rule with the operator's allowed targets: IP addresses or CIDR ranges. A bad entry stops the silo, since a
    /// mistyped allowance silently refusing (or allowing) deliveries is worse.
    /// </summary>
    public static WebhookTargetRule Parse(IEnumerable<string> entries) => new(entries.Select(e => e.Trim()).Where(e => e.Length > 0).Select(e =>
        IPAddress.TryParse(e, out var address) ? new IPNetwork(Normal(address), Normal(address).GetAddressBytes().Length * 8)
        : IPNetwork.TryParse(e, out var network) ? network
        : throw new InvalidOperationException($"{Setting}: '{e}' is neither an IP address nor a CIDR range.")).ToList());

    /// <summary>Whether a delivery may connect to <paramref name="address"/>: each form of it is outside or allowed.</summary>
    public bool Allows(IPAddress address) =>
        Forms(address).All(a => !Inside.Any(n => n.Contains(a)) || allowed.Any(n => n.Contains(a)));

    /// <summary>Loopback, private, link-local, CGNAT, unspecified, multicast or reserved, itself or in the IPv4 address it carries.</summary>
    public static bool IsInside(IPAddress address) => Forms(address).Any(a => Inside.Any(n => n.Contains(a)));

    /// <summary>The address as it is (an IPv4-mapped one as its IPv4 address), and every IPv4 address it carries.</summary>
    private static IEnumerable<IPAddress> Forms(IPAddress address) => EmbeddedIPv4.In(address).Prepend(Normal(address)).Distinct();

    private static IPAddress Normal(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
