namespace HomeService.CallCenter.Calls;

/// <summary>
/// The agent added a party (多方通话). Leg is what the switch calls it: "agent:&lt;seat&gt;" for a colleague,
/// "external:&lt;number&gt;" for a merchant, a worker or an outside number. TargetId: an agent, merchant or worker id, or the number.
/// </summary>
public sealed record CallPartyAdded(string PartyId, string ByAgentId, string Kind, string TargetId, string Label, string Leg, DateTimeOffset At);
/// <summary>Reason: removed (by the call's agent), left (an added colleague's console) or hung-up (reported by the switch).</summary>
public sealed record CallPartyLeft(string? EventId, string PartyId, string Reason, DateTimeOffset At);
/// <summary>A consultation the colleague answered became a three-way call: the colleague is now a party.</summary>
public sealed record CallConsultMerged(string PartyId, string AgentId, string ColleagueAgentId, string Label, string Leg, DateTimeOffset At);
/// <summary>
/// The call's agent left a conference; the others stay connected. An added colleague, if there is one, takes the call
/// over (SuccessorPartyId/SuccessorAgentId); otherwise the call goes on without an agent until the caller or the last party hangs up.
/// </summary>
public sealed record CallAgentLeftConference(string? EventId, string AgentId, string? SuccessorPartyId, string? SuccessorAgentId, DateTimeOffset At);
