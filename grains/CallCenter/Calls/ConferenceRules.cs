namespace HomeService.CallCenter.Calls;

/// <summary>
/// The rules of multi-party calls (多方通话), as error codes (null: allowed). A conference hangs on the caller's call:
/// the call's agent adds parties while talking (Connected) or with the caller on hold; a consultation in progress must
/// be merged, completed or cancelled first. A call is a small conference: at most <see cref="MaxParties"/> added parties.
/// </summary>
public static class ConferenceRules
{
    public const int MaxParties = 3;

    public static string? Add(CallStatus status, bool isCallAgent, bool consulting, int connectedParties, string kind) =>
        !PartyKinds.All.Contains(kind) ? "unknown-target"
        : !isCallAgent || status is not (CallStatus.Connected or CallStatus.OnHold) ? "not-your-connected-call"
        : consulting ? "consult-in-progress"
        : connectedParties >= MaxParties ? "too-many-parties"
        : null;

    public static string? Merge(bool isCallAgent, bool consulting, bool colleagueAnswered, int connectedParties) =>
        !isCallAgent || !consulting ? "no-consultation"
        : !colleagueAnswered ? "colleague-not-answered"
        : connectedParties >= MaxParties ? "too-many-parties"
        : null;

    /// <summary>The call's agent leaves only a conference (with no one else, 挂断 ends the call instead).</summary>
    public static string? AgentLeave(bool isCallAgent, CallStatus status, int connectedParties) =>
        !isCallAgent || status is not (CallStatus.Connected or CallStatus.OnHold) ? "not-your-connected-call"
        : connectedParties == 0 ? "no-conference"
        : null;

    /// <summary>How the switch names a party's leg: a colleague by seat, everyone else by number.</summary>
    public static string Leg(string kind, string seatOrNumber) => kind == PartyKinds.Agent ? $"agent:{seatOrNumber}" : $"external:{seatOrNumber}";

    /// <summary>Does a leg the switch reports gone belong to this party? A colleague may be reported by plain seat too.</summary>
    public static bool IsLegOf(ConferenceParty party, string leg) =>
        party.Leg == leg || (party.Kind == PartyKinds.Agent && party.Leg == $"agent:{leg}");

    /// <summary>After someone left: the call goes on while the caller has an agent or at least one party to talk to.</summary>
    public static bool CallContinues(bool hasAgent, int connectedParties) => hasAgent || connectedParties > 0;

    /// <summary>Who takes the call over when its agent leaves: the first colleague still on it, else nobody.</summary>
    public static ConferenceParty? Successor(IEnumerable<ConferenceParty> connected) => connected.FirstOrDefault(p => p.Kind == PartyKinds.Agent);
}
