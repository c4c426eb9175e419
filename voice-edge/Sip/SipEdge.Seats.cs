using HomeService.VoiceEdge.Calls;
using HomeService.VoiceEdge.Media;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// The agents' side of a call: the platform's RingAgent becomes an INVITE to the seat through Kamailio, carrying
/// rtpengine's WebRTC offer and the platform's call id; the seat's answer moves the media to that agent and is reported
/// as the contract's answered event. StopRinging cancels, and a BYE from either side ends the leg.
/// </summary>
public sealed partial class SipEdge
{
    /// <summary>Rings the seat. Returns once the INVITE is on its way: the platform runs the ring timer.</summary>
    public async Task Ring(CallerLeg call, string seat)
    {
        if (call.Agents.TryGetValue(seat, out var ringing) && ringing.State == AgentLegState.Ringing) return; // a retried command
        var leg = new AgentLeg(call, seat, settings.SeatDomain, settings.SipPort);
        // Each ring has its own media branch in rtpengine (seats rung together too): the first answer takes the caller.
        var offer = await media.OfferToBrowser(call.CallId, call.CallerSdp, leg.MediaTag);
        call.Agents[seat] = leg;
        calls.Add(leg);
        await kamailio.Send(leg.Invite(offer, call.CallId));
        logger.LogInformation("Call {Call}: ringing seat {Seat}", call.CallId, seat);
    }

    /// <summary>The platform released a seat it rang: CANCEL if still ringing, BYE if it answered in the same moment.</summary>
    public async Task StopRinging(CallerLeg call, string seat)
    {
        if (!call.Agents.TryGetValue(seat, out var leg)) return;
        await EndAgent(leg);
    }

    /// <summary>Ends one agent's leg; the caller stays (a supervisor leaving, a seat released).</summary>
    public async Task EndAgent(AgentLeg leg)
    {
        var was = Release(leg);
        if (was == AgentLegState.Ringing) await kamailio.Send(leg.Cancel());
        else if (was == AgentLegState.Answered) await kamailio.Send(leg.Bye());
    }

    /// <summary>The leg ends and leaves the tables; returns the state it was in.</summary>
    private AgentLegState Release(AgentLeg leg)
    {
        var was = leg.End();
        calls.Remove(leg);
        return was;
    }

    private async Task EndAgents(CallerLeg call)
    {
        foreach (var leg in call.Agents.Values) await EndAgent(leg);
    }

    /// <summary>A response on the link: to an INVITE of ours, or a CANCEL's or BYE's (nothing waits on those).</summary>
    private async Task OnAgentResponse(SipMessage response)
    {
        if (response.CSeq.Method != "INVITE" || calls.AgentBySipCallId(response.CallId) is not { } leg) return;
        if (response.StatusCode < 200) return;
        if (response.StatusCode >= 300)
        {
            await kamailio.Send(leg.AckFailure(response));
            if (Release(leg) == AgentLegState.Ringing)
                logger.LogWarning("Call {Call}: seat {Seat} did not take the ring ({Status} {Reason})", leg.Call.CallId, leg.Seat, response.StatusCode, response.Reason);
            return;
        }
        if (leg.State == AgentLegState.Answered)
        {
            await kamailio.Send(leg.AckAnswer()); // the 2xx again: the first ACK was lost on the way
            return;
        }
        if (!leg.Answer(response) || leg.Call.Ended)
        {
            // Cancelled while the phone answered, or the caller left: take the answer and end it at once.
            await kamailio.Send(leg.AckAnswer());
            Release(leg);
            await kamailio.Send(leg.Bye());
            return;
        }
        // The music or prompt stops first: played on top of the agent's voice it would mix with it for a moment.
        await media.StopMediaToCaller(leg.Call.CallId);
        try
        {
            await media.AnswerFromAgent(leg.Call.CallId, response.Body, leg.MediaTag);
        }
        catch (RtpEngineException e)
        {
            logger.LogError("Call {Call}: seat {Seat} answered but the media could not follow ({Message})", leg.Call.CallId, leg.Seat, e.Message);
            await kamailio.Send(leg.AckAnswer());
            await EndAgent(leg);
            return;
        }
        await kamailio.Send(leg.AckAnswer());
        // Ring-all: the first answer wins and the others stop at once, before the platform says so.
        foreach (var other in leg.Call.Agents.Values.Where(other => other != leg)) await EndAgent(other);
        logger.LogInformation("Call {Call}: seat {Seat} answered", leg.Call.CallId, leg.Seat);
        _ = Task.Run(() => Report(leg.Call.CallId, () => platform.Answered(leg.Call.CallId, leg.Seat, leg.Ring)));
        try
        {
            await Follow(leg.Call, leg); // a recording in progress (a transferred call) goes on with this agent
        }
        catch (RtpEngineException e)
        {
            logger.LogError("Call {Call}: the recording could not follow seat {Seat} ({Message})", leg.Call.CallId, leg.Seat, e.Message);
        }
    }

    /// <summary>The agent's phone hung up. The platform ends the call for a connected agent (§6.4) but leaves the caller's leg to the switch.</summary>
    private async Task OnAgentBye(SipConnection connection, SipMessage bye, AgentLeg leg)
    {
        await connection.Send(Reply(bye, 200, "OK"));
        if (Release(leg) != AgentLegState.Answered) return;
        logger.LogInformation("Call {Call}: seat {Seat} hung up", leg.Call.CallId, leg.Seat);
        await Report(leg.Call.CallId, () => platform.SeatHungUp(leg.Call.CallId, leg.Seat, leg.Ring));
        await HangUpCaller(leg.Call);
    }

    private async Task Report(string callId, Func<Task> post)
    {
        try
        {
            await post();
        }
        catch (Exception e)
        {
            logger.LogError("Call {Call}: the platform did not take an event ({Message})", callId, e.Message);
        }
    }
}
