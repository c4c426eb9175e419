namespace HomeService.CallCenter.Calls;

/// <summary>
/// The platform had the switch dial out. Purpose: "agent-outbound" (an agent's click-to-call, AgentId set) or
/// "campaign:&lt;id&gt;" (an IVR campaign's call to its target number TargetNo, with the prompt the callee hears).
/// </summary>
public sealed record CallOriginated(string Purpose, string? AgentId, string Number, OutboundTarget? Target, string? CampaignId, int TargetNo,
    string? Prompt, int WrapUpSeconds, DateTimeOffset At);

/// <summary>The called party of a campaign call picked up.</summary>
public sealed record CallCalleeAnswered(string? EventId, DateTimeOffset At);

/// <summary>What a campaign call came to: answered (with the key pressed), no-answer, busy, no-key or failed.</summary>
public sealed record CallCampaignSettled(string Outcome, string? Digits, DateTimeOffset At);
