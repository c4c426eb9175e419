using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HomeService.VoiceEdge.Calls;
using HomeService.VoiceEdge.Media;
using HomeService.VoiceEdge.Platform;
using HomeService.VoiceEdge.Prompts;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// The edge's SIP side: Kamailio hands it every call for a hotline number over TCP, and it answers at once as the
/// caller's user agent (the platform IVR speaks first), with rtpengine's SDP; it hears the caller's BYE and sends one
/// when the platform hangs up. Media never touches this process: rtpengine carries it.
/// </summary>
public sealed partial class SipEdge(EdgeSettings settings, CallTable calls, RtpEngine media, PlatformEvents platform, PromptVoice prompts,
    KamailioLink kamailio, ILogger<SipEdge> logger) : BackgroundService
{
    /// <summary>Said to a caller whose call the platform could not take, before the edge hangs up: never a silent drop.</summary>
    public const string PlatformAwayPrompt = "系统繁忙，请稍后再拨。";

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        kamailio.Received = Dispatch;
        var listener = new TcpListener(IPAddress.Loopback, settings.SipPort);
        listener.Start();
        logger.LogInformation("Voice edge: SIP over TCP on 127.0.0.1:{Port}", settings.SipPort);
        try
        {
            while (!stop.IsCancellationRequested) _ = Serve(new SipConnection(await listener.AcceptTcpClientAsync(stop)), stop);
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task Serve(SipConnection connection, CancellationToken stop)
    {
        await using var _ = connection;
        try
        {
            while (await connection.Receive(stop) is { } message) await Dispatch(connection, message);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or FormatException or InvalidDataException)
        {
            logger.LogDebug("SIP connection closed: {Message}", e.Message);
        }
    }

    private async Task Dispatch(SipConnection connection, SipMessage message)
    {
        try
        {
            if (message.IsRequest) await OnRequest(connection, message);
            else await OnAgentResponse(message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "SIP {Method} {CallId} failed", message.Method ?? message.CSeq.Method, message.CallId);
            if (message.IsRequest && message.Method != "ACK") await connection.Send(Reply(message, 500, "Server Internal Error"));
        }
    }

    private async Task OnRequest(SipConnection connection, SipMessage request)
    {
        switch (request.Method)
        {
            case "INVITE" when SipMessage.Tag(request["To"]) is null:
                await OnInvite(connection, request);
                break;
            case "INVITE":
                // A session refresh or a change from the trunk: the edge keeps the media as it is.
                await connection.Send(Reply(request, 488, "Not Acceptable Here"));
                break;
            case "ACK":
                break;
            case "BYE" when calls.AgentBySipCallId(request.CallId) is { } agent:
                await OnAgentBye(connection, request, agent);
                break;
            case "BYE":
                await OnBye(connection, request);
                break;
            case "CANCEL" or "OPTIONS":
                await connection.Send(Reply(request, 200, "OK"));
                break;
            default:
                await connection.Send(Reply(request, 501, "Not Implemented"));
                break;
        }
    }

    private async Task OnInvite(SipConnection connection, SipMessage invite)
    {
        var from = invite["From"] ?? "";
        var to = invite["To"] ?? "";
        var leg = new CallerLeg
        {
            CallId = CallerLeg.CallIdFor(invite.CallId),
            SipCallId = invite.CallId,
            LocalTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            RemoteTag = SipMessage.Tag(from) ?? "",
            LocalUri = SipMessage.Uri(to),
            RemoteNameAddr = from,
            RemoteTarget = SipMessage.Uri(invite["Contact"] ?? from),
            RouteSet = invite.All("Record-Route").ToList(),
            Connection = connection,
            Caller = SipMessage.User(SipMessage.Uri(from)),
            Dialled = SipMessage.User(invite.RequestUri!) is { Length: > 0 } user ? user : SipMessage.User(SipMessage.Uri(to)),
            CallerSdp = invite.Body,
        };
        if (!calls.TryAdd(leg)) return; // the same INVITE again: it is being answered
        await connection.Send(Reply(invite, 100, "Trying"));
        try
        {
            var agentSide = await media.OfferFromCaller(leg.CallId, invite.Body);
            var callerSide = await media.AnswerForCaller(leg.CallId, Placeholder(agentSide));
            var ok = Reply(invite, 200, "OK", leg.LocalTag);
            foreach (var route in invite.All("Record-Route")) ok.Add("Record-Route", route);
            ok.Add("Contact", $"<sip:edge@127.0.0.1:{settings.SipPort};transport=tcp>").Add("Allow", "INVITE, ACK, BYE, CANCEL, OPTIONS")
                .Add("Content-Type", "application/sdp");
            ok.Body = callerSide;
            await connection.Send(ok);
        }
        catch (RtpEngineException e)
        {
            logger.LogError("Call {Call}: no media ({Message}); refusing it", leg.CallId, e.Message);
            calls.Remove(leg);
            await connection.Send(Reply(invite, 503, "Service Unavailable"));
            return;
        }
        logger.LogInformation("Call {Call} from {Caller} to {Dialled} answered", leg.CallId, leg.Caller, leg.Dialled);
        _ = Task.Run(() => OfferToPlatform(leg));
    }

    private async Task OfferToPlatform(CallerLeg leg)
    {
        try
        {
            await platform.Offered(leg.CallId, leg.Caller, leg.Dialled);
        }
        catch (Exception e)
        {
            logger.LogError("Call {Call}: the platform could not take it ({Message}); telling the caller", leg.CallId, e.Message);
            try
            {
                var length = await media.PlayToCaller(leg.CallId, await prompts.Wav(PlatformAwayPrompt));
                await Task.Delay(TimeSpan.FromMilliseconds(length + 500));
            }
            catch (Exception prompt)
            {
                logger.LogError("Call {Call}: the busy message could not be played either ({Message})", leg.CallId, prompt.Message);
            }
            await HangUpCaller(leg);
        }
    }

    private async Task OnBye(SipConnection connection, SipMessage bye)
    {
        await connection.Send(Reply(bye, 200, "OK"));
        if (calls.BySipCallId(bye.CallId) is not { } leg || leg.Ended) return;
        leg.Ended = true;
        calls.Remove(leg);
        await EndAgents(leg);
        await StopRecording(leg);
        await media.Delete(leg.CallId);
        logger.LogInformation("Call {Call}: the caller hung up", leg.CallId);
        await platform.HungUp(leg.CallId, "caller", "normal");
    }

    /// <summary>The platform hangs up the caller, ending the call: a BYE along the dialog's route set, through Kamailio; the agents' legs end too.</summary>
    public async Task HangUpCaller(CallerLeg leg)
    {
        if (leg.Ended) return;
        leg.Ended = true;
        calls.Remove(leg);
        await EndAgents(leg);
        await StopRecording(leg);
        await media.Delete(leg.CallId);
        var via = $"SIP/2.0/TCP 127.0.0.1:{settings.SipPort};branch=z9hG4bK{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))};rport";
        await leg.Connection.Send(leg.Request("BYE", via));
    }

    /// <summary>
    /// The agent side's SDP while no agent is connected: rtpengine's own offer with its port turned to 9 (discard), so
    /// the answer lists exactly the codecs offered and the caller's audio goes nowhere.
    /// </summary>
    private static string Placeholder(string agentSideOffer) => AudioPort().Replace(agentSideOffer, "m=audio 9 ", 1);

    private static SipMessage Reply(SipMessage request, int status, string reason, string? toTag = null)
    {
        var reply = SipMessage.Response(status, reason);
        foreach (var via in request.All("Via")) reply.Add("Via", via);
        var to = request["To"] ?? "";
        if (toTag is not null && SipMessage.Tag(to) is null) to += $";tag={toTag}";
        reply.Add("From", request["From"] ?? "").Add("To", to).Add("Call-ID", request.CallId).Add("CSeq", request["CSeq"] ?? "");
        return reply;
    }

    [GeneratedRegex(@"m=audio \d+ ")]
    private static partial Regex AudioPort();
}
