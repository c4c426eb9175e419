namespace HomeService.CallCenter.Calls;

public sealed partial class CallState
{
    /// <summary>The number a closed dialled number overflowed to; its routes and IVR serve the call.</summary>
    public string? DivertedTo { get; set; }
    /// <summary>Why the caller did not get in, and what they get instead; null for a call let in.</summary>
    public CallTurnedAway? TurnedAway { get; set; }

    /// <summary>The number whose routes and IVR flow the call follows.</summary>
    public string RouteNumber => DivertedTo ?? Dialled;

    private bool ApplyHotline(object e)
    {
        switch (e)
        {
            case CallDiverted x:
                DivertedTo = x.To;
                Note(null, x.At, "diverted", $"{x.From} → {x.To}: {x.Why}");
                return true;
            case CallTurnedAway x:
                TurnedAway = x;
                InVoicemail = x.Action == CallTurnedAway.Voicemail;
                Note(null, x.At, "turned-away", $"{x.Reason}: {x.Rule} → {x.Action}" + (x.Target is null ? "" : $" {x.Target}"));
                return true;
            default:
                return false;
        }
    }
}
