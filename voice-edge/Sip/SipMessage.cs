using System.Text;
using System.Text.RegularExpressions;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// One SIP request or response (RFC 3261 §7): the start line, headers in their order (compact names expanded), and
/// the body. Only what a back-to-back agent behind Kamailio needs; Content-Length is always written from the body.
/// </summary>
public sealed partial class SipMessage
{
    private static readonly Dictionary<string, string> Compact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = "Call-ID", ["f"] = "From", ["t"] = "To", ["v"] = "Via", ["m"] = "Contact", ["l"] = "Content-Length",
        ["c"] = "Content-Type", ["k"] = "Supported", ["s"] = "Subject", ["e"] = "Content-Encoding",
    };

    public string? Method { get; private init; }
    public string? RequestUri { get; private init; }
    public int StatusCode { get; private init; }
    public string? Reason { get; private init; }
    public List<KeyValuePair<string, string>> Headers { get; } = [];
    public string Body { get; set; } = "";

    public bool IsRequest => Method is not null;

    public static SipMessage Request(string method, string uri) => new() { Method = method, RequestUri = uri };

    public static SipMessage Response(int status, string reason) => new() { StatusCode = status, Reason = reason };

    public string? this[string name] => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    /// <summary>Every value of a header, a comma-joined header (Via, Record-Route) split into its entries.</summary>
    public IEnumerable<string> All(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).SelectMany(h => SplitList(h.Value));

    public SipMessage Add(string name, string value)
    {
        Headers.Add(new(name, value));
        return this;
    }

    public string CallId => this["Call-ID"] ?? "";
    public (int Number, string Method) CSeq
    {
        get
        {
            var parts = (this["CSeq"] ?? "0 ?").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (int.Parse(parts[0]), parts.Length > 1 ? parts[1] : "");
        }
    }

    public static string? Tag(string? nameAddr) => nameAddr is null ? null : TagParameter().Match(nameAddr) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The URI of a name-addr ("Name" &lt;sip:...&gt;;tag=x) or of a bare addr-spec.</summary>
    public static string Uri(string nameAddr)
    {
        var open = nameAddr.IndexOf('<');
        if (open >= 0) return nameAddr[(open + 1)..nameAddr.IndexOf('>', open)];
        var semicolon = nameAddr.IndexOf(';');
        return (semicolon >= 0 ? nameAddr[..semicolon] : nameAddr).Trim();
    }

    /// <summary>The user part of a SIP URI (sip:8001@host → 8001), or "" when it has none.</summary>
    public static string User(string uri)
    {
        var at = uri.IndexOf('@');
        if (at < 0) return "";
        var colon = uri.IndexOf(':');
        return uri[(colon + 1)..at];
    }

    public override string ToString()
    {
        var text = new StringBuilder(IsRequest ? $"{Method} {RequestUri} SIP/2.0\r\n" : $"SIP/2.0 {StatusCode} {Reason}\r\n");
        foreach (var (name, value) in Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
            text.Append(name).Append(": ").Append(value).Append("\r\n");
        text.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(Body)).Append("\r\n\r\n").Append(Body);
        return text.ToString();
    }

    /// <summary>Parses the head (start line and headers, without the blank line) and the body already cut to its length.</summary>
    public static SipMessage Parse(string head, string body)
    {
        var lines = head.Split("\r\n");
        var start = lines[0].Split(' ', 3);
        if (start.Length < 3) throw new FormatException($"Not a SIP start line: {lines[0]}");
        var message = start[0] == "SIP/2.0"
            ? new SipMessage { StatusCode = int.Parse(start[1]), Reason = start[2] }
            : new SipMessage { Method = start[0], RequestUri = start[1] };
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t' && message.Headers.Count > 0)
            {
                // a folded continuation line (RFC 3261 §7.3.1)
                var last = message.Headers[^1];
                message.Headers[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0) throw new FormatException($"Not a SIP header: {line}");
            var name = line[..colon].Trim();
            message.Headers.Add(new(Compact.GetValueOrDefault(name, name), line[(colon + 1)..].Trim()));
        }
        message.Body = body;
        return message;
    }

    /// <summary>Splits a comma-separated header value, leaving commas inside &lt;&gt; and quotes alone.</summary>
    private static IEnumerable<string> SplitList(string value)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '"': quoted = !quoted; break;
                case '<' when !quoted: depth++; break;
                case '>' when !quoted: depth--; break;
                case ',' when !quoted && depth == 0:
                    yield return value[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }
        yield return value[start..].Trim();
    }

    [GeneratedRegex(@";\s*tag=([^;>\s,]+)", RegexOptions.IgnoreCase)]
    private static partial Regex TagParameter();
}
