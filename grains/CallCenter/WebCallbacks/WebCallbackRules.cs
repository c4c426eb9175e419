namespace HomeService.CallCenter.WebCallbacks;

/// <summary>When a number's earlier website callback still stands in the way of a new one.</summary>
public static class WebCallbackRules
{
    public const string Dialled = "web-callback";

    /// <summary>Waiting or ringing: not yet answered by an agent and not ended. A call that never got queued is not open.</summary>
    public static bool IsOpen(CallView call) =>
        call.Dialled == Dialled && call.AnsweredAt is null && call.EndedAt is null && call.Status != CallStatus.Ended;
}
