namespace HomeService.CallCenter.WebCallbacks;

/// <summary>The number's latest website callback; whether it is still open is asked of its call, which owns that truth.</summary>
public sealed class WebCallbackState
{
    public string? LatestCallId { get; set; }
}
