namespace HomeService.CallCenter.Calls;

public sealed partial class CallState
{
    /// <summary>Set for calls the platform placed: "agent-outbound" or "campaign:&lt;id&gt;".</summary>
    public string? OutboundPurpose { get; set; }
    public OutboundTarget? OutboundTarget { get; set; }
    public string? CampaignId { get; set; }
    public int CampaignTargetNo { get; set; }
    public string? CampaignPrompt { get; set; }
    public bool CalleeAnswered { get; set; }
    public string? CampaignOutcome { get; set; }
    public string? CampaignDigits { get; set; }

    public bool IsOutbound => OutboundPurpose is not null;
    public bool IsCampaignCall => CampaignId is not null;

    /// <summary>What "dialled" says for a call the platform placed.</summary>
    public const string OutboundDialled = "outbound";

    /// <summary>Folds this feature's events; false when the event is not one of them.</summary>
    private bool ApplyOutbound(object e)
    {
        switch (e)
        {
            case CallOriginated x:
                // The far party stands where the caller stands on an inbound call. An agent's call "rings" at the agent while
                // the switch dials (the seat is reserved), so the agent's answer and the seat checks work as for an offer.
                (Exists, Caller, Dialled, OfferedAt, OutboundPurpose, OutboundTarget) = (true, x.Number, OutboundDialled, x.At, x.Purpose, x.Target);
                (CampaignId, CampaignTargetNo, CampaignPrompt, WrapUpSeconds) = (x.CampaignId, x.TargetNo, x.Prompt, x.WrapUpSeconds);
                Status = CallStatus.Ringing;
                RingingAgents = x.AgentId is null ? [] : [x.AgentId];
                Note(null, x.At, "originated", x.AgentId is null ? x.Purpose : $"{x.Purpose} {x.AgentId} → {x.Target?.Kind}:{x.Target?.Id}");
                return true;
            case CallCalleeAnswered x:
                (CalleeAnswered, Status, AnsweredAt) = (true, CallStatus.Connected, x.At);
                Note(x.EventId, x.At, "answered", "callee");
                return true;
            case CallCampaignSettled x:
                (CampaignOutcome, CampaignDigits) = (x.Outcome, x.Digits);
                Note(null, x.At, "campaign-result", x.Digits is null ? x.Outcome : $"{x.Outcome} {x.Digits}");
                return true;
            default:
                return false;
        }
    }
}
