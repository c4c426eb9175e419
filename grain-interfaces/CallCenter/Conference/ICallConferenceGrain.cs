using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>
/// Multi-party calls (多方通话) on the call grain (key: the call id): the agent adds a merchant, a worker, a colleague or
/// an outside number to the live call; any party may leave and the others stay connected; a consultation with a
/// colleague can be merged into a three-way call.
/// </summary>
[Alias("HomeService.CallCenter.ICallConferenceGrain")]
public interface ICallConferenceGrain : IGrainWithStringKey
{
    /// <summary>kind: agent (an agent id), merchant (a merchant id), worker (a worker id) or external (a phone number).</summary>
    [Alias("AddParty")] Task<CommandResult<CallLegsView>> AddParty(string agentId, string kind, string id);

    /// <summary>The call's agent drops one party.</summary>
    [Alias("RemoveParty")] Task<CommandResult<CallLegsView>> RemoveParty(string agentId, string partyId);

    /// <summary>The agent in a consultation with a colleague who answered makes it a three-way call with the caller.</summary>
    [Alias("MergeConsult")] Task<CommandResult<CallLegsView>> MergeConsult(string agentId);

    /// <summary>The signed-in agent leaves: the call's agent (the others stay connected) or a colleague who was added.</summary>
    [Alias("LeaveConference")] Task<CommandResult<CallLegsView>> LeaveConference(string agentId);

    [AlwaysInterleave, Alias("GetLegs")] Task<CallLegsView> GetLegs();
}

public static class PartyKinds
{
    public const string Agent = "agent";
    public const string Merchant = "merchant";
    public const string Worker = "worker";
    public const string External = "external";
    public static readonly IReadOnlyList<string> All = [Agent, Merchant, Worker, External];
}

/// <summary>A party added to a call besides the caller and the agent. Leg: how the switch names it ("agent:8002", "external:…").</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CallPartyView")]
public sealed record CallPartyView(
    [property: Id(0)] string PartyId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string TargetId,
    [property: Id(3)] string Label,
    [property: Id(4)] string Leg,
    [property: Id(5)] bool Connected,
    [property: Id(6)] DateTimeOffset Since);

/// <summary>
/// Who is on a call besides the caller, as the agents on it see it: the parties, and a supervisor who can be heard
/// (whisper or barge; a silent monitor is not shown). AgentId is null after the agent left a conference.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CallLegsView")]
public sealed record CallLegsView(
    [property: Id(0)] string CallId,
    [property: Id(1)] CallStatus Status,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] IReadOnlyList<CallPartyView> Parties,
    [property: Id(4)] string? SupervisorMode,
    [property: Id(5)] long Version);
