namespace HomeService.Sms;

/// <summary>
/// Alerts that merge: the first to a number goes at once, and those that follow within <see cref="Every"/> wait and go
/// together as one digest, so a night of breaches is a few messages to the duty phone, not one per order (and never
/// runs into a provider's daily cap per template and number, which would hold the rest until tomorrow).
/// </summary>
public static class SmsDigests
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    /// <summary>The kind whose messages merge, and the kind of the digest they become.</summary>
    private static readonly Dictionary<string, string> Digest = new() { ["order.sla-breached"] = "order.sla-breached.digest" };

    private static readonly Dictionary<string, string> Merged = Digest.ToDictionary(d => d.Value, d => d.Key);

    public static string? DigestOf(string kind) => Digest.GetValueOrDefault(kind);

    /// <summary>The kind whose window a message counts against: a digest counts as the alerts it carries.</summary>
    public static string WindowKind(string kind) => Merged.GetValueOrDefault(kind, kind);

    public static bool Merges(string kind) => Digest.ContainsKey(kind) || Merged.ContainsKey(kind);

    /// <summary>The digest's parameters: how many orders, and their numbers in the order they fell due.</summary>
    public static Dictionary<string, string> Parameters(IReadOnlyList<string> orderNos) => new()
    {
        ["count"] = orderNos.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["orderNos"] = string.Join("、", orderNos),
    };
}
