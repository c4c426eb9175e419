namespace HomeService.CallCenter.Calls;

public sealed partial class CallState
{
    /// <summary>The flow version the call entered with (null: the switch ran its own IVR, or the number has none).</summary>
    public int? IvrFlowVersion { get; set; }
    /// <summary>The menu the caller is in while in the platform IVR; null before and after.</summary>
    public string? IvrMenu { get; set; }
    public int IvrAttempts { get; set; }
    public bool IvrSelfService { get; set; }
    /// <summary>The caller's way through the IVR as the screen pop shows it: 主菜单 → 3 投诉及建议.</summary>
    public List<string> IvrPath { get; set; } = [];
    /// <summary>The caller is leaving a message (留言): the call ends as "voicemail" when they hang up or the recording is ready.</summary>
    public bool InVoicemail { get; set; }

    public bool InIvr => IsLive && Status == CallStatus.Ivr && IvrMenu is not null;

    /// <summary>Folds this feature's events; false when the event is not one of them.</summary>
    private bool ApplyIvr(object e)
    {
        switch (e)
        {
            case CallIvrEntered x:
                (IvrFlowVersion, IvrMenu, IvrAttempts, IvrSelfService) = (x.FlowVersion, x.Root, 0, false);
                IvrPath = [x.RootName];
                Note(null, x.At, "ivr-entered", $"v{x.FlowVersion} {x.RootName}");
                return true;
            case CallIvrStep x:
                (IvrMenu, IvrAttempts, IvrSelfService) = (x.NextMenu, x.Attempts, x.SelfService);
                if (x.PathPart is not null) IvrPath.Add(x.PathPart);
                Note(null, x.At, "ivr", $"{x.Node}: {(x.Input.Length == 0 ? "(超时)" : x.Input)} → {x.Outcome}");
                return true;
            case CallIvrLeft x:
                IvrMenu = null;
                if (x.QueueId is not null) (QueueId, Priority) = (x.QueueId, x.Priority);
                InVoicemail = x.Action == IvrActionKinds.Voicemail;
                Note(null, x.At, "ivr-left", x.QueueId is null ? x.Action : $"{x.Action} {x.QueueId}");
                return true;
            default:
                return false;
        }
    }
}
