using HomeService.VoiceEdge.Sip;

namespace HomeService.VoiceEdge.Calls;

/// <summary>
/// The caller's SIP dialog as the edge holds it (the edge is its user agent server): enough to answer it, to hear
/// its BYE and to send one. The platform knows the call by <see cref="CallId"/>; rtpengine by the same id.
/// </summary>
public sealed class CallerLeg
{
    private int _localCSeq;
    private int _keys;

    public required string CallId { get; init; }
    public required string SipCallId { get; init; }
    public required string LocalTag { get; init; }
    public required string RemoteTag { get; init; }
    /// <summary>Our side of the dialog: the To of the INVITE (the number dialled).</summary>
    public required string LocalUri { get; init; }
    public required string RemoteNameAddr { get; init; }
    public required string RemoteTarget { get; init; }
    public required IReadOnlyList<string> RouteSet { get; init; }
    public required SipConnection Connection { get; init; }
    public required string Caller { get; init; }
    public required string Dialled { get; init; }
    public bool Ended { get; set; }
    /// <summary>The caller's SDP offer, given to rtpengine again whenever an agent's seat is rung.</summary>
    public string CallerSdp { get; init; } = "";
    /// <summary>The recording in progress, from the platform's StartRecording until its StopRecording or the call's end.</summary>
    public HomeService.VoiceEdge.Media.CallRecording? Recording { get; set; }
    /// <summary>The seats rung for this call and not yet ended, by seat.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, AgentLeg> Agents { get; } = new();

    /// <summary>The agent whose phone answered and is talking to the caller, if any.</summary>
    public AgentLeg? ConnectedAgent => Agents.Values.FirstOrDefault(a => a.State == AgentLegState.Answered);

    public int NextCSeq() => Interlocked.Increment(ref _localCSeq);

    /// <summary>The caller's keys are numbered per call: the number makes each DTMF event's idempotency key.</summary>
    public int NextKey() => Interlocked.Increment(ref _keys);

    public static string CallIdFor(string sipCallId) =>
        "sip-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(sipCallId)))[..24];

    /// <summary>An in-dialog request from us (a BYE): Route from the record-route set, as a UAS keeps it (RFC 3261 §12.1.1).</summary>
    public SipMessage Request(string method, string via)
    {
        var request = SipMessage.Request(method, RemoteTarget)
            .Add("Via", via)
            .Add("Max-Forwards", "70")
            .Add("From", $"<{LocalUri}>;tag={LocalTag}")
            .Add("To", RemoteNameAddr)
            .Add("Call-ID", SipCallId)
            .Add("CSeq", $"{NextCSeq()} {method}");
        foreach (var route in RouteSet) request.Add("Route", route);
        return request;
    }
}
