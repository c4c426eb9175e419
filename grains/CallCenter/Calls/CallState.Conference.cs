namespace HomeService.CallCenter.Calls;

/// <summary>A party added to the call (a plain class: grain state is stored as JSON).</summary>
public sealed class ConferenceParty
{
    public string PartyId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string TargetId { get; set; } = "";
    public string Label { get; set; } = "";
    public string Leg { get; set; } = "";
    public bool Connected { get; set; }
    public DateTimeOffset Since { get; set; }

    /// <summary>The colleague's agent id when the party is an agent.</summary>
    public string? AgentId => Kind == PartyKinds.Agent ? TargetId : null;
}

public sealed partial class CallState
{
    public List<ConferenceParty> Parties { get; set; } = [];

    public IEnumerable<ConferenceParty> ConnectedParties => Parties.Where(p => p.Connected);

    public string NextPartyId => $"p{Parties.Count + 1}";

    public CallLegsView LegsView() => new(CallId, Status, AgentId,
        Parties.Select(p => new CallPartyView(p.PartyId, p.Kind, p.TargetId, p.Label, p.Leg, p.Connected && IsLive, p.Since)).ToList(),
        IsLive ? ModeSeenByAgent : null, Version);

    /// <summary>Folds this feature's events; false when the event is not one of them.</summary>
    private bool ApplyConference(object e)
    {
        switch (e)
        {
            case CallPartyAdded x:
                Parties.Add(new ConferenceParty { PartyId = x.PartyId, Kind = x.Kind, TargetId = x.TargetId, Label = x.Label, Leg = x.Leg, Connected = true, Since = x.At });
                Note(null, x.At, "party-added", $"{x.Kind}:{x.TargetId} by {x.ByAgentId}");
                return true;
            case CallPartyLeft x:
                if (Parties.FirstOrDefault(p => p.PartyId == x.PartyId) is { } party)
                {
                    party.Connected = false;
                    Note(x.EventId, x.At, "party-left", $"{party.Kind}:{party.TargetId} {x.Reason}");
                }
                return true;
            case CallConsultMerged x:
                (ConsultAgentId, ConsultConnected, ConsultSince, Status) = (null, false, null, CallStatus.Connected);
                Parties.Add(new ConferenceParty { PartyId = x.PartyId, Kind = PartyKinds.Agent, TargetId = x.ColleagueAgentId, Label = x.Label, Leg = x.Leg, Connected = true, Since = x.At });
                Note(null, x.At, "consult-merged", $"{x.AgentId} + {x.ColleagueAgentId}");
                return true;
            case CallAgentLeftConference x:
                AgentId = x.SuccessorAgentId;
                if (Parties.FirstOrDefault(p => p.PartyId == x.SuccessorPartyId) is { } successor) successor.Connected = false;
                Note(x.EventId, x.At, "agent-left-conference", x.SuccessorAgentId is null ? x.AgentId : $"{x.AgentId} → {x.SuccessorAgentId}");
                return true;
            default:
                return false;
        }
    }
}
