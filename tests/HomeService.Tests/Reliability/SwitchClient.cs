using System.Net.Http.Json;
using System.Text.Json;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>
/// The telephony adapter as the platform sees it: call events over HTTP with the telephony key, each carrying the
/// Idempotency-Key the adapter would reuse on a retry (keys shaped as docs/telephony.md §4 suggests).
/// </summary>
public sealed class SwitchClient(RunningWeb web) : IDisposable
{
    public const string Hotline = "037112345";

    private readonly HttpClient _http = new(new HttpClientHandler(), disposeHandler: true)
    {
        BaseAddress = web.BaseAddress,
        DefaultRequestHeaders = { { "X-Api-Key", TestDeployment.TelephonyKey } },
    };

    public Task<HttpResponseMessage> Offer(string callId, string caller, string? ivrChoice = "2") =>
        Send("/api/cti/calls", new { callId, caller, dialled = Hotline, trunk = "T1", ivrChoice }, $"{callId}:offer");

    public Task<HttpResponseMessage> Answered(string callId, string seat) =>
        Send($"/api/cti/calls/{callId}/answered", new { seat }, $"{callId}:answered:{seat}");

    public Task<HttpResponseMessage> Dtmf(string callId, string digits, string eventId) =>
        Send($"/api/cti/calls/{callId}/dtmf", new { digits }, $"{callId}:dtmf:{eventId}");

    public Task<HttpResponseMessage> HangUp(string callId, string leg = "caller") =>
        Send($"/api/cti/calls/{callId}/hangup", new { leg, cause = "normal" }, $"{callId}:hangup:{leg}");

    public Task<HttpResponseMessage> Recording(string callId) =>
        Send($"/api/cti/calls/{callId}/recording", new { url = $"https://recordings.example/{callId}.wav" }, $"{callId}:recording:{callId}.wav");

    /// <summary>The recording's file itself, for the platform to keep (as the sip gateway's voice edge uploads it).</summary>
    public async Task<HttpResponseMessage> StoreRecording(string callId, byte[] audio, string contentType, string? idempotencyKey = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/cti/calls/{callId}/recording/audio") { Content = new ByteArrayContent(audio) };
        request.Content.Headers.ContentType = new(contentType);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey.Length > 0 ? idempotencyKey : $"{callId}:recording");
        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> Send(string path, object body, string idempotencyKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await _http.SendAsync(request);
    }

    /// <summary>The agent the platform rings for a call (a real switch learns it from the RingAgent command; here the call's view tells).</summary>
    public static async Task<string> RingingAgent(WebSession supervisor, string callId)
    {
        string? ringing = null;
        await Eventually.True(async () =>
        {
            var call = await supervisor.Http.GetFromJsonAsync<JsonElement>($"/api/calls/{callId}");
            ringing = call.GetProperty("ringingAgents").EnumerateArray().Select(a => a.GetString()).FirstOrDefault();
            return call.GetProperty("status").GetString() == "Ringing" && ringing is not null;
        }, TimeSpan.FromSeconds(30), $"call {callId} rings an agent");
        return ringing!;
    }

    /// <summary>An agent's seat extension in the demo directory (A001 → 8001).</summary>
    public static string SeatOf(string agentId) => $"8{agentId[1..]}";

    public void Dispose() => _http.Dispose();
}
