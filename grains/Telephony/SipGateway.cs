using System.Net;
using System.Net.Http.Json;

namespace HomeService.Telephony;

/// <summary>
/// The sip gateway: the platform's commands to the voice edge (Kamailio and rtpengine's adapter, voice-edge/), over
/// its command API with the shared command key. What the edge cannot do yet it refuses with 501, and that becomes a
/// <see cref="NotSupportedException"/> naming the command, so a half-built gateway is never mistaken for a working one.
/// </summary>
public sealed class SipGateway(HttpClient edge) : ICtiGateway
{
    public const string KeyHeader = "X-Edge-Key";

    public Task PlayPrompt(string callId, string text) => Post(callId, "prompt", new { text });

    public Task CollectDigits(string callId, string prompt, int maxDigits, int timeoutSeconds) =>
        Post(callId, "collect", new { prompt, maxDigits, timeoutSeconds });

    public Task HangUp(string callId, string leg) => Post(callId, "hangup", new { leg });

    public async Task<SwitchCallState?> QueryCall(string callId)
    {
        // Never "no such call" for an edge that cannot be reached (docs/telephony.md §16.2): that throws instead.
        using var response = await edge.GetAsync($"calls/{Uri.EscapeDataString(callId)}");
        if (response.StatusCode == HttpStatusCode.NotFound) return null;
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<SwitchCallState>();
    }

    public Task RingAgent(string callId, string seat, int timeoutSeconds) => Post(callId, "ring", new { seat, timeoutSeconds });
    public Task StopRinging(string callId, string seat) => Post(callId, "stop-ringing", new { seat });
    public Task Bridge(string callId, string seat) => Post(callId, "bridge", new { seat });
    public Task Hold(string callId) => Post(callId, "hold", new { });
    public Task Unhold(string callId) => Post(callId, "unhold", new { });
    public Task BlindTransfer(string callId, string target) => Post(callId, "blind-transfer", new { target });
    public Task AttendedTransfer(string callId, string fromSeat, string target) => Post(callId, "attended-transfer", new { fromSeat, target });
    public Task Pickup(string callId, string seat) => Post(callId, "pickup", new { seat });
    public Task StartRecording(string callId) => Post(callId, "start-recording", new { });
    public Task StopRecording(string callId) => Post(callId, "stop-recording", new { });
    public Task Supervise(string callId, string seat, string mode) => Post(callId, "supervise", new { seat, mode });
    public Task AddParty(string callId, string target) => Post(callId, "add-party", new { target });
    public Task<string> Originate(string number, string? seat, string purpose) =>
        throw new NotSupportedException("The voice edge cannot place outbound calls yet.");

    private async Task Post(string callId, string command, object body)
    {
        using var response = await edge.PostAsJsonAsync($"calls/{Uri.EscapeDataString(callId)}/{command}", body);
        if (response.StatusCode == HttpStatusCode.NotImplemented)
            throw new NotSupportedException($"The voice edge cannot do '{command}' yet.");
        // A call the edge no longer has (the caller left a moment ago) is not the platform's error.
        if (response.StatusCode == HttpStatusCode.NotFound) return;
        response.EnsureSuccessStatusCode();
    }
}
