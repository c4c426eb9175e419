using HomeService.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// Multi-party calls (多方通话). The conference hangs on the caller's call: parties join it through the switch's
/// AddParty and leave with HangUp of their leg. A party or the agent may leave and the others stay connected; the
/// caller hanging up (or 挂断 on the console) still ends the call for everyone. A colleague added to the call is held
/// OnCall for it, like a consulted colleague, and freed (no wrap-up) when they leave.
/// </summary>
public sealed partial class CallGrain : ICallConferenceGrain
{
    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] ConferenceEvents =>
        [("CallPartyAdded", typeof(CallPartyAdded)), ("CallPartyLeft", typeof(CallPartyLeft)),
        ("CallConsultMerged", typeof(CallConsultMerged)), ("CallAgentLeftConference", typeof(CallAgentLeftConference))];

    public Task<CallLegsView> GetLegs() => Task.FromResult(Call.LegsView());

    public async Task<CommandResult<CallLegsView>> AddParty(string agentId, string kind, string id)
    {
        var connected = Call.ConnectedParties.ToList();
        if (ConferenceRules.Add(Call.Status, Call.AgentId == agentId, Call.ConsultAgentId is not null, connected.Count, kind) is { } refused)
            return LegsRefused(refused);
        string label, leg;
        switch (kind)
        {
            case PartyKinds.Agent:
                if (id == agentId) return LegsRefused("same-agent");
                if (connected.Any(p => p.AgentId == id) || await Directory.GetAgent(id) is not { } colleague) return LegsRefused("target-not-available");
                // The colleague is taken like a consulted one: only an Available seat, and only through its own grain.
                if (!await Agent(id).TryReserve(CallId, Call.QueueId ?? "conference")) return LegsRefused("target-not-available");
                (label, leg) = (colleague.Name, ConferenceRules.Leg(kind, colleague.Extension));
                try
                {
                    await gateway.AddParty(CallId, leg);
                }
                catch
                {
                    await Agent(id).OfferMissed(CallId, rejected: true, Call.MaxNoAnswers);
                    throw;
                }
                await Agent(id).CallAnswered(CallId);
                break;
            case PartyKinds.Merchant or PartyKinds.Worker:
                var contact = kind == PartyKinds.Merchant ? await PartyContacts.Merchant(id) : await PartyContacts.Worker(id);
                if (contact is null) return LegsRefused("unknown-party");
                if (!PhoneNumber.IsDialable(contact.Phone)) return LegsRefused("bad-number");
                (label, leg) = (contact.Name, ConferenceRules.Leg(kind, contact.Phone));
                await gateway.AddParty(CallId, leg);
                break;
            default:
                var number = PhoneNumber.Normalize(id);
                if (!PhoneNumber.IsDialable(number)) return LegsRefused("bad-number");
                (label, leg) = (number, ConferenceRules.Leg(kind, number));
                await gateway.AddParty(CallId, leg);
                break;
        }
        await RecordLegs(new CallPartyAdded(Call.NextPartyId, agentId, kind, id, label, leg, Now));
        return LegsOk();
    }

    public async Task<CommandResult<CallLegsView>> RemoveParty(string agentId, string partyId)
    {
        if (Call.AgentId != agentId || !Call.IsLive) return LegsRefused("not-your-connected-call");
        if (Call.ConnectedParties.FirstOrDefault(p => p.PartyId == partyId) is not { } party) return LegsRefused("unknown-party");
        await gateway.HangUp(CallId, party.Leg);
        await PartyGone(null, party, "removed");
        return LegsOk();
    }

    public async Task<CommandResult<CallLegsView>> MergeConsult(string agentId)
    {
        var connected = Call.ConnectedParties.Count();
        if (ConferenceRules.Merge(Call.AgentId == agentId, Call.ConsultAgentId is not null, Call.ConsultConnected, connected) is { } refused)
            return LegsRefused(refused);
        var colleague = Call.ConsultAgentId!;
        var profile = await Directory.GetAgent(colleague);
        var leg = ConferenceRules.Leg(PartyKinds.Agent, profile?.Extension ?? colleague);
        // The colleague's consultation leg joins the caller's call, and the caller comes off hold: all three talk.
        await gateway.AddParty(CallId, leg);
        await gateway.Unhold(CallId);
        await RecordLegs(new CallConsultMerged(Call.NextPartyId, agentId, colleague, profile?.Name ?? colleague, leg, Now));
        await Announce();
        // The colleague is no longer consulted but a party: their console drops the consultation and shows the conference.
        await GrainFactory.Push(PushGroups.Agent(colleague), "call.updated", Call.View(), Call.Version);
        return LegsOk();
    }

    public async Task<CommandResult<CallLegsView>> LeaveConference(string agentId)
    {
        if (Call.IsLive && Call.ConnectedParties.FirstOrDefault(p => p.AgentId == agentId) is { } asParty)
        {
            await gateway.HangUp(CallId, asParty.Leg);
            await PartyGone(null, asParty, "left");
            return LegsOk();
        }
        if (ConferenceRules.AgentLeave(Call.AgentId == agentId, Call.Status, Call.ConnectedParties.Count()) is { } refused) return LegsRefused(refused);
        await gateway.HangUp(CallId, await Seat(agentId));
        await AgentLeaves(null, agentId);
        return LegsOk();
    }

    /// <summary>
    /// Hook in HungUp: a party's leg, or the agent's leg while parties remain, dropped at the switch. True when handled
    /// here, so the call does not end.
    /// </summary>
    private async Task<bool> ConferenceLegLeft(string eventId, string leg)
    {
        if (Call.ConnectedParties.FirstOrDefault(p => ConferenceRules.IsLegOf(p, leg)) is { } party)
        {
            await PartyGone(eventId, party, "hung-up");
            return true;
        }
        if (Call.AgentId is { } agent && Call.ConnectedParties.Any() && leg == await Seat(agent))
        {
            await AgentLeaves(eventId, agent);
            return true;
        }
        return false;
    }

    /// <summary>Hook at the end of a call: colleagues added to it are freed and every console and wallboard hears it ended.</summary>
    private async Task LegsEnded()
    {
        foreach (var party in Call.Parties.Where(p => p.Connected && p.AgentId is not null))
            await Agent(party.AgentId!).CallEnded(CallId, 0);
        if (Call.Parties.Count > 0 || Call.SupervisorLegs.Count > 0) await AnnounceSupervision();
    }

    private async Task PartyGone(string? eventId, ConferenceParty party, string reason)
    {
        await RecordLegs(new CallPartyLeft(eventId, party.PartyId, reason, Now));
        if (party.AgentId is { } colleague)
        {
            await Agent(colleague).CallEnded(CallId, 0);
            await GrainFactory.Push(PushGroups.Agent(colleague), "call.gone", new { callId = CallId, reason }, Call.Version);
        }
        await EndIfAlone();
    }

    private async Task AgentLeaves(string? eventId, string agentId)
    {
        var successor = ConferenceRules.Successor(Call.ConnectedParties);
        await RecordLegs(new CallAgentLeftConference(eventId, agentId, successor?.PartyId, successor?.AgentId, Now));
        await Agent(agentId).CallEnded(CallId, Call.WrapUpSeconds);
        await GrainFactory.Push(PushGroups.Agent(agentId), "call.gone", new { callId = CallId, reason = "left-conference" }, Call.Version);
        await Announce(); // a colleague who took the call over gets it on their console as their own
        await EndIfAlone();
    }

    /// <summary>Nobody left for the caller to talk to (no agent, no party): the call is over.</summary>
    private async Task EndIfAlone()
    {
        if (!Call.IsLive || ConferenceRules.CallContinues(Call.AgentId is not null, Call.ConnectedParties.Count())) return;
        await gateway.HangUp(CallId, "caller");
        await End(null, "system", "conference-ended");
    }

    private async Task RecordLegs(object e)
    {
        await _journal.Record(e, null, Now, _ => [ReadModel()]);
        ArmTimers();
        await AnnounceSupervision();
    }

    /// <summary>The legs view to everyone on the call who has a console: its agent and the colleagues added to it.</summary>
    private async Task AnnounceLegs()
    {
        var view = Call.LegsView();
        var agents = Call.Parties.Where(p => p.AgentId is not null).Select(p => p.AgentId!).Append(Call.AgentId).OfType<string>().Distinct();
        foreach (var agent in agents) await GrainFactory.Push(PushGroups.Agent(agent), "call.legs", view, view.Version);
    }

    private PartyDirectory PartyContacts => ActivatorUtilities.GetServiceOrCreateInstance<PartyDirectory>(ServiceProvider);

    private CommandResult<CallLegsView> LegsOk() => CommandResult<CallLegsView>.Ok(Call.LegsView());

    private static CommandResult<CallLegsView> LegsRefused(string code) =>
        CommandResult<CallLegsView>.Invalid(new Dictionary<string, string[]> { ["call"] = [code] });
}
