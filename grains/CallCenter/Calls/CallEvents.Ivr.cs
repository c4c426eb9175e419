namespace HomeService.CallCenter.Calls;

/// <summary>The call entered the platform IVR of its number, at this version of the flow; it keeps that version to the end.</summary>
public sealed record CallIvrEntered(int FlowVersion, string Root, string RootName, DateTimeOffset At);

/// <summary>
/// One step in the IVR: at Node the caller gave Input (empty: nothing before the timeout) and Outcome followed. While the
/// caller stays in the IVR, NextMenu/Attempts/SelfService are where they are now; PathPart is what the screen pop's path adds.
/// </summary>
public sealed record CallIvrStep(string Node, string Input, string Outcome, string? PathPart, string? NextMenu, int Attempts, bool SelfService,
    DateTimeOffset At);

/// <summary>The caller left the IVR to an action (queue, agent, callback, voicemail, info); QueueId and Priority when it queues.</summary>
public sealed record CallIvrLeft(string Action, string? QueueId, int Priority, DateTimeOffset At);
