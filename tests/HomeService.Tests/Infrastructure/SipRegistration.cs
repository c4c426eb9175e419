using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A SIP REGISTER over UDP, as a desk phone sends it, answering one digest challenge (RFC 2617: MD5, qop=auth) with
/// the given credential. Returns the final status code: what the edge decided about that credential.
/// </summary>
public static partial class SipRegistration
{
    public static async Task<int> Register(int sipPort, string extension, string username, string password)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var edge = new IPEndPoint(IPAddress.Loopback, sipPort);
        var callId = Guid.NewGuid().ToString("N");
        var fromTag = Guid.NewGuid().ToString("N")[..8];
        var requestUri = $"sip:127.0.0.1:{sipPort}";
        string? authorization = null;
        for (var cseq = 1; ; cseq++)
        {
            var request = $"REGISTER {requestUri} SIP/2.0\r\n" +
                $"Via: SIP/2.0/UDP 127.0.0.1:{local.Port};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n" +
                $"Max-Forwards: 70\r\nTo: <sip:{extension}@127.0.0.1>\r\nFrom: <sip:{extension}@127.0.0.1>;tag={fromTag}\r\n" +
                $"Call-ID: {callId}\r\nCSeq: {cseq} REGISTER\r\nContact: <sip:{extension}@127.0.0.1:{local.Port}>\r\nExpires: 60\r\n" +
                (authorization is null ? "" : $"Authorization: {authorization}\r\n") + "Content-Length: 0\r\n\r\n";
            var bytes = Encoding.ASCII.GetBytes(request);
            await udp.SendAsync(bytes, edge);
            var reply = await Final(udp);
            var status = int.Parse(reply[8..11]);
            var challenge = Challenge().Match(reply);
            if (status != 401 || authorization is not null || !challenge.Success) return status;
            var fields = Field().Matches(challenge.Groups[1].Value).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));
            const string cnonce = "0a4f113b", nc = "00000001";
            var ha1 = Md5($"{username}:{fields["realm"]}:{password}");
            var ha2 = Md5($"REGISTER:{requestUri}");
            var response = Md5($"{ha1}:{fields["nonce"]}:{nc}:{cnonce}:auth:{ha2}");
            authorization = $"Digest username=\"{username}\", realm=\"{fields["realm"]}\", nonce=\"{fields["nonce"]}\", uri=\"{requestUri}\", " +
                $"response=\"{response}\", algorithm=MD5, qop=auth, cnonce=\"{cnonce}\", nc={nc}";
        }
    }

    /// <summary>The first final reply (a 100 Trying is skipped).</summary>
    private static async Task<string> Final(UdpClient udp)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var text = Encoding.ASCII.GetString((await udp.ReceiveAsync(timeout.Token)).Buffer);
            if (text.StartsWith("SIP/2.0 ") && text[8] != '1') return text;
        }
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^WWW-Authenticate:\s*Digest\s+(.*)$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex Challenge();

    [GeneratedRegex(@"(\w+)=(""[^""]*""|[^,\s]+)")]
    private static partial Regex Field();
}
