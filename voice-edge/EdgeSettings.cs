using System.Net;

namespace HomeService.VoiceEdge;

/// <summary>The edge's settings, under "HomeService:VoiceEdge:".</summary>
/// <param name="Kamailio">Kamailio's port for the edge's own requests (ringing the seats): its EDGE_IN_PORT.</param>
/// <param name="SeatDomain">The domain the seats register under (HomeService:Voice:Domain on the web hosts).</param>
public sealed record EdgeSettings(int SipPort, IPEndPoint RtpEngine, int DtmfPort, string PromptFolder, Uri PlatformUrl, string TelephonyKey, string CommandKey,
    IPEndPoint Kamailio, string SeatDomain)
{
    public static EdgeSettings From(IConfiguration config)
    {
        string Required(string key) => config[$"HomeService:VoiceEdge:{key}"] is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"HomeService:VoiceEdge:{key} is not set.");
        return new(
            config.GetValue("HomeService:VoiceEdge:SipPort", 15070),
            IPEndPoint.Parse(config["HomeService:VoiceEdge:RtpEngine"] ?? "127.0.0.1:22222"),
            config.GetValue("HomeService:VoiceEdge:DtmfPort", 15071),
            config["HomeService:VoiceEdge:PromptFolder"] ?? Path.Combine(Path.GetTempPath(), "hs-voice-prompts"),
            new Uri(Required("PlatformUrl")),
            Required("TelephonyKey"),
            Required("CommandKey"),
            IPEndPoint.Parse(config["HomeService:VoiceEdge:Kamailio"] ?? "127.0.0.1:15062"),
            config["HomeService:VoiceEdge:SeatDomain"] ?? "127.0.0.1");
    }
}
