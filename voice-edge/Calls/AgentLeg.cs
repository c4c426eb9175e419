using System.Security.Cryptography;
using HomeService.VoiceEdge.Sip;

namespace HomeService.VoiceEdge.Calls;

public enum AgentLegState { Ringing, Answered, Ended }

/// <summary>
/// The edge's call to one agent's seat for a platform call (the edge is its user agent client): rung by the platform's
/// RingAgent, answered on the agent's phone, ended by either side. Its SIP Call-ID is its own, never the platform's
/// call id, which names the rtpengine call both legs share.
/// </summary>
public sealed class AgentLeg
{
    private static int _rings;
    private int _cseq = 1;

    public AgentLeg(CallerLeg call, string seat, string domain, int sipPort)
    {
        Call = call;
        Seat = seat;
        Ring = Interlocked.Increment(ref _rings);
        SipCallId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@edge";
        LocalTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        RequestUri = $"sip:{seat}@{domain}";
        LocalNameAddr = $"\"{call.Caller}\" <sip:{(call.Caller.Length > 0 ? call.Caller : "anonymous")}@{domain}>;tag={LocalTag}";
        InviteVia = Via(sipPort);
        SipPort = sipPort;
    }

    public CallerLeg Call { get; }
    public string Seat { get; }
    /// <summary>This ring's number: it tells apart the events of a seat rung twice for one call.</summary>
    public int Ring { get; }
    public string SipCallId { get; }
    /// <summary>This leg's tag in rtpengine's call (the platform's call id), beside the caller's.</summary>
    public string MediaTag => $"agent-{Ring}";
    public string LocalTag { get; }
    public string RequestUri { get; }
    public string LocalNameAddr { get; }
    public string InviteVia { get; }
    public int SipPort { get; }
    public AgentLegState State { get; private set; } = AgentLegState.Ringing;
    public string? RemoteNameAddr { get; private set; }
    public string? RemoteTarget { get; private set; }
    public IReadOnlyList<string> RouteSet { get; private set; } = [];

    /// <summary>
    /// Takes the dialog from the 2xx in every case (a leg cancelled as it answered still needs its ACK and BYE); the
    /// state moves ringing → answered only once, and false says the leg was cancelled or ended first.
    /// </summary>
    public bool Answer(SipMessage ok)
    {
        lock (this)
        {
            if (RemoteNameAddr is null)
            {
                RemoteNameAddr = ok["To"];
                RemoteTarget = SipMessage.Uri(ok["Contact"] ?? ok["To"] ?? RequestUri);
                // A user agent client's route set is the Record-Route of the 2xx in reverse (RFC 3261 §12.1.2).
                RouteSet = ok.All("Record-Route").Reverse().ToList();
            }
            if (State != AgentLegState.Ringing) return false;
            State = AgentLegState.Answered;
            return true;
        }
    }

    /// <summary>Ends the leg; returns the state it was in, so the caller knows whether a CANCEL or a BYE is due.</summary>
    public AgentLegState End()
    {
        lock (this)
        {
            var was = State;
            State = AgentLegState.Ended;
            return was;
        }
    }

    public SipMessage Invite(string sdp, string platformCallId)
    {
        var invite = Start("INVITE", InviteVia, 1);
        invite.Add("Contact", $"<sip:edge@127.0.0.1:{SipPort};transport=tcp>")
            .Add("Allow", "INVITE, ACK, BYE, CANCEL, OPTIONS")
            .Add(PlatformCallHeader, platformCallId)
            .Add("Content-Type", "application/sdp");
        invite.Body = sdp;
        return invite;
    }

    /// <summary>The header that tells the agent's console which platform call this ring is (its screen pop).</summary>
    public const string PlatformCallHeader = "X-HS-Call";

    /// <summary>Cancels the ringing INVITE: the same Via branch, Call-ID and CSeq number (RFC 3261 §9.1).</summary>
    public SipMessage Cancel() => Start("CANCEL", InviteVia, 1);

    /// <summary>The ACK of a failure response is part of the INVITE transaction: same branch, the response's To.</summary>
    public SipMessage AckFailure(SipMessage response)
    {
        var ack = SipMessage.Request("ACK", RequestUri).Add("Via", InviteVia).Add("Max-Forwards", "70").Add("From", LocalNameAddr)
            .Add("To", response["To"] ?? $"<{RequestUri}>").Add("Call-ID", SipCallId).Add("CSeq", "1 ACK");
        return ack;
    }

    /// <summary>The ACK of a 2xx is a request of the dialog: a new branch, along the route set.</summary>
    public SipMessage AckAnswer() => InDialog("ACK", 1);

    public SipMessage Bye() => InDialog("BYE", Interlocked.Increment(ref _cseq));

    private SipMessage InDialog(string method, int cseq)
    {
        var request = SipMessage.Request(method, RemoteTarget ?? RequestUri).Add("Via", Via(SipPort)).Add("Max-Forwards", "70")
            .Add("From", LocalNameAddr).Add("To", RemoteNameAddr ?? $"<{RequestUri}>").Add("Call-ID", SipCallId).Add("CSeq", $"{cseq} {method}");
        foreach (var route in RouteSet) request.Add("Route", route);
        return request;
    }

    private SipMessage Start(string method, string via, int cseq) =>
        SipMessage.Request(method, RequestUri).Add("Via", via).Add("Max-Forwards", "70").Add("From", LocalNameAddr)
            .Add("To", $"<{RequestUri}>").Add("Call-ID", SipCallId).Add("CSeq", $"{cseq} {method}");

    private static string Via(int sipPort) =>
        $"SIP/2.0/TCP 127.0.0.1:{sipPort};branch=z9hG4bK{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};rport";
}
