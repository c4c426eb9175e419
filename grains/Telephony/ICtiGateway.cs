namespace HomeService.Telephony;

/// <summary>
/// Commands from the platform to the switch (the CTI adapter's outbound half). A real switch integration and the
/// simulated switch implement the same interface. Every command names the switch's call id; agent legs are
/// addressed by the agent's seat (an extension or a WebRTC seat id).
/// </summary>
public interface ICtiGateway
{
    Task RingAgent(string callId, string seat, int timeoutSeconds);
    Task StopRinging(string callId, string seat);
    Task Bridge(string callId, string seat);
    Task Hold(string callId);
    Task Unhold(string callId);
    /// <summary>target is "agent:&lt;seat&gt;", "queue:&lt;id&gt;" or "external:&lt;number&gt;".</summary>
    Task BlindTransfer(string callId, string target);
    Task AttendedTransfer(string callId, string fromSeat, string target);
    Task Pickup(string callId, string seat);
    /// <summary>leg is "caller" or an agent's seat.</summary>
    Task HangUp(string callId, string leg);
    Task PlayPrompt(string callId, string text);
    Task CollectDigits(string callId, string prompt, int maxDigits, int timeoutSeconds);
    Task StartRecording(string callId);
    Task StopRecording(string callId);
    /// <summary>
    /// A supervisor's seat joins a live call (班长席). mode: "listen" (hears both sides, heard by nobody), "whisper" (heard
    /// by the agent only) or "barge" (heard by everyone, a third party). Called again with another mode, it switches;
    /// the supervisor leaves with HangUp(callId, seat).
    /// </summary>
    Task Supervise(string callId, string seat, string mode);
    /// <summary>Adds a party to the call, making it a conference (多方通话): "agent:&lt;seat&gt;" or "external:&lt;number&gt;". A party leaves with HangUp(callId, leg).</summary>
    Task AddParty(string callId, string target);
    /// <summary>Places an outbound call and returns the switch's id for it.</summary>
    Task<string> Originate(string number, string? seat, string purpose);
    /// <summary>The switch's own view of a call, for the sanity check that catches lost hang-up events; null if it no longer exists.</summary>
    Task<SwitchCallState?> QueryCall(string callId);
}

public sealed record SwitchCallState(string CallId, bool CallerConnected, IReadOnlyList<string> AgentSeats);
