using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>
/// The supervisor seat's (班长席) hold on one live call, on the call grain (key: the call id): silent monitor (监听),
/// whisper to the agent (耳语), barge in as a third party (强插), and force release (强拆). Only a Connected or OnHold
/// call can be supervised. Every command is written with a <c>supervisor_audit</c> row in the event's transaction.
/// </summary>
[Alias("HomeService.CallCenter.ICallSupervisionGrain")]
public interface ICallSupervisionGrain : IGrainWithStringKey
{
    /// <summary>Joins the call in a mode (listen, whisper, barge), or switches mode when already on it.</summary>
    [Alias("Monitor")] Task<CommandResult<CallSupervisionView>> Monitor(string supervisorId, string mode, string reason);

    /// <summary>Ends the call for everyone (cause "force-released"); the agent goes to wrap-up.</summary>
    [Alias("ForceRelease")] Task<CommandResult<CallSupervisionView>> ForceRelease(string supervisorId, string reason);

    /// <summary>The supervisor's leg leaves; the call goes on.</summary>
    [Alias("LeaveSupervision")] Task<CommandResult<CallSupervisionView>> LeaveSupervision(string supervisorId);

    [AlwaysInterleave, Alias("GetSupervision")] Task<CallSupervisionView> GetSupervision();
}

public static class SupervisionModes
{
    public const string Listen = "listen";
    public const string Whisper = "whisper";
    public const string Barge = "barge";
    public static readonly IReadOnlyList<string> All = [Listen, Whisper, Barge];

    /// <summary>What the agent is shown: whisper and barge are heard, so the agent knows; a silent monitor is not shown.</summary>
    public static bool SeenByAgent(string mode) => mode is Whisper or Barge;
}

/// <summary>One supervisor on a call and how.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.SupervisorOnCall")]
public sealed record SupervisorOnCall(
    [property: Id(0)] string SupervisorId,
    [property: Id(1)] string Mode,
    [property: Id(2)] DateTimeOffset Since);

/// <summary>A call as the supervisor seat sees it: who handles it and who is supervising it.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.CallSupervisionView")]
public sealed record CallSupervisionView(
    [property: Id(0)] string CallId,
    [property: Id(1)] CallStatus Status,
    [property: Id(2)] string? AgentId,
    [property: Id(3)] IReadOnlyList<SupervisorOnCall> Supervisors,
    [property: Id(4)] int Parties,
    [property: Id(5)] long Version);

/// <summary>Every supervisor action but leaving needs a reason: it goes into the audit trail.</summary>
public static class SupervisorReason
{
    public const int MaxLength = 200;

    /// <summary>"required" or "max_length:200" for a missing or too long reason, else null.</summary>
    public static string? Error(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "required"
        : reason.Trim().Length > MaxLength ? $"max_length:{MaxLength}"
        : null;
}
