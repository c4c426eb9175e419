namespace HomeService.CallCenter;

/// <summary>An agent's seat state, with the names call-center people use (mod_callcenter, TaskRouter).</summary>
[GenerateSerializer, Alias("HomeService.CallCenter.AgentStatus")]
public enum AgentStatus
{
    Offline = 0,
    Available = 1,
    Ringing = 2,
    OnCall = 3,
    AfterCallWork = 4,
    NotReady = 5,
}

/// <summary>Why an agent is NotReady. "no-answer" is set by the system after missed offers.</summary>
public static class NotReadyReasons
{
    public const string Break = "break";
    public const string Meeting = "meeting";
    public const string Training = "training";
    public const string NoAnswer = "no-answer";
    /// <summary>Set by the supervisor seat (强制置忙).</summary>
    public const string Supervisor = "supervisor";

}

/// <summary>The states the supervisor seat may put an agent in.</summary>
public static class ForcedAgentStates
{
    public const string LoggedOut = "logged-out";
    public const string NotReady = "not-ready";
    public const string Ready = "ready";
    public static readonly IReadOnlyList<string> All = [LoggedOut, NotReady, Ready];
}
