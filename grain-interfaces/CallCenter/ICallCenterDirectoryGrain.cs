using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>An agent as the directory knows it: who they are and what they can do.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.AgentProfile")]
public sealed record AgentProfile(
    [property: Id(0)] string AgentId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Extension,
    [property: Id(3)] IReadOnlyDictionary<string, int> Skills,
    [property: Id(4)] string? TeamId = null);

/// <summary>A reason an agent may give for not ready (示忙原因); a retired one is no longer offered but still names old states.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.NotReadyReason")]
public sealed record NotReadyReason(
    [property: Id(0)] string Code,
    [property: Id(1)] string NameZh,
    [property: Id(2)] string NameEn,
    [property: Id(3)] bool Active);

/// <summary>
/// A team (班组) of agent seats led by a supervisor (a staff login with the Supervisor role). Its id is permanent and
/// seats and accounts name it; a retired team takes no new members but keeps its name in their history.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.Team")]
public sealed record Team(
    [property: Id(0)] string TeamId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? SupervisorLogin,
    [property: Id(3)] bool Active);

/// <summary>One stored version of a queue's settings: what the back office lists and can revert to.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.QueueVersion")]
public sealed record QueueVersion(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Actor,
    [property: Id(3)] string Change,
    [property: Id(4)] QueueConfig? Config);

/// <summary>
/// The call center's configuration: queues and agents (key 0). Reads interleave with a change in progress, because a
/// change calls the queues and agents it affects, and they read the directory back (on activation, or to rebuild a roster). Loaded once from the read tables and kept in
/// memory; the admin back office will change it through this grain.
/// </summary>
[Alias("HomeService.CallCenter.ICallCenterDirectoryGrain")]
public interface ICallCenterDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("GetQueues"), AlwaysInterleave] Task<IReadOnlyList<QueueConfig>> GetQueues();
    [Alias("GetQueue"), AlwaysInterleave] Task<QueueConfig?> GetQueue(string queueId);
    [Alias("GetAgents"), AlwaysInterleave] Task<IReadOnlyList<AgentProfile>> GetAgents();
    [Alias("GetAgent"), AlwaysInterleave] Task<AgentProfile?> GetAgent(string agentId);
    /// <summary>
    /// Changes a queue's settings, its names included; the queue applies them to the calls already waiting and keeps
    /// its agents (membership follows skills, never the name).
    /// </summary>
    [Alias("UpdateQueue")] Task<CommandResult<QueueConfig>> UpdateQueue(QueueConfig config, string actor);

    /// <summary>A new queue; its id is permanent, its names can change.</summary>
    [Alias("CreateQueue")] Task<CommandResult<QueueConfig>> CreateQueue(QueueConfig config, string actor);

    /// <summary>Every stored version of a queue's settings, newest first.</summary>
    [Alias("QueueHistory")] Task<IReadOnlyList<QueueVersion>> QueueHistory(string queueId);

    /// <summary>Makes the settings of an earlier version current again, as a new version.</summary>
    [Alias("RevertQueue")] Task<CommandResult<QueueConfig>> RevertQueue(string queueId, int toVersion, string actor);

    /// <summary>Every not-ready reason, active first in their order, then the retired ones.</summary>
    [Alias("GetNotReadyReasons"), AlwaysInterleave] Task<IReadOnlyList<NotReadyReason>> GetNotReadyReasons();

    /// <summary>Adds a reason, or renames, retires or restores one (by its code).</summary>
    [Alias("SaveNotReadyReason")] Task<CommandResult<NotReadyReason>> SaveNotReadyReason(NotReadyReason reason, string actor);

    /// <summary>A new agent seat (工号, name, extension, skills, team).</summary>
    [Alias("CreateAgent")] Task<CommandResult<AgentProfile>> CreateAgent(AgentProfile profile, string actor);

    /// <summary>Changes a seat's name, extension, skills or team; a logged-in agent keeps their state and gets the new skills at once.</summary>
    [Alias("UpdateAgent")] Task<CommandResult<AgentProfile>> UpdateAgent(AgentProfile profile, string actor);

    /// <summary>Every team, active first, by id.</summary>
    [Alias("GetTeams"), AlwaysInterleave] Task<IReadOnlyList<Team>> GetTeams();

    /// <summary>One team, retired or not; null if there is none with this id.</summary>
    [Alias("GetTeam"), AlwaysInterleave] Task<Team?> GetTeam(string teamId);

    /// <summary>A new team with its supervisor; its id is permanent.</summary>
    [Alias("CreateTeam")] Task<CommandResult<Team>> CreateTeam(Team team, string actor);

    /// <summary>Renames a team, gives it another supervisor, or retires or restores it (by its id).</summary>
    [Alias("UpdateTeam")] Task<CommandResult<Team>> UpdateTeam(Team team, string actor);

    /// <summary>
    /// Reads queues and seats again from the read tables and applies them live: for a bulk import written straight
    /// into the tables (seats from the center's previous system, the benchmark's hundreds of seats).
    /// </summary>
    [Alias("Reload")] Task Reload();
}
