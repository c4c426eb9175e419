using System.Net.Http.Json;

namespace HomeService.VoiceEdge.Platform;

/// <summary>
/// The switch → platform events of the telephony contract (docs/telephony.md §6), each with its idempotency key so a
/// retry after a lost answer is applied once. A failed post is retried a few times: the platform may be between silos.
/// </summary>
public sealed class PlatformEvents(HttpClient http, ILogger<PlatformEvents> logger)
{
    public Task Offered(string callId, string caller, string dialled) =>
        Post("/api/cti/calls", $"offer-{callId}", new { callId, caller, dialled, trunk = "sip", ivrChoice = (string?)null });

    public Task Dtmf(string callId, string digits, string eventKey) =>
        Post($"/api/cti/calls/{callId}/dtmf", $"{callId}:dtmf:{eventKey}", new { digits });

    public Task HungUp(string callId, string leg, string cause) =>
        Post($"/api/cti/calls/{callId}/hangup", $"{callId}:hangup:{leg}", new { leg, cause });

    /// <param name="ring">The edge's number for this ring of the seat: a seat rung again later (a transfer back) answers anew.</param>
    public Task Answered(string callId, string seat, int ring) =>
        Post($"/api/cti/calls/{callId}/answered", $"{callId}:answered:{seat}:{ring}", new { seat });

    public Task SeatHungUp(string callId, string seat, int ring) =>
        Post($"/api/cti/calls/{callId}/hangup", $"{callId}:hangup:{seat}:{ring}", new { leg = seat, cause = "normal" });

    /// <summary>The recording itself, kept by the platform (PUT: a retry replaces, never duplicates).</summary>
    public Task StoreRecording(string callId, byte[] wav) =>
        Send(HttpMethod.Put, $"/api/cti/calls/{callId}/recording/audio", $"{callId}:recording", () =>
        {
            var content = new ByteArrayContent(wav);
            content.Headers.ContentType = new("audio/wav");
            return content;
        });

    private Task Post(string path, string idempotencyKey, object body) => Send(HttpMethod.Post, path, idempotencyKey, () => JsonContent.Create(body));

    private async Task Send(HttpMethod method, string path, string idempotencyKey, Func<HttpContent> body)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = body() };
                request.Headers.Add("Idempotency-Key", idempotencyKey);
                using var response = await http.SendAsync(request);
                if (response.IsSuccessStatusCode) return;
                // A 4xx will not change on a retry: say so and stop.
                if ((int)response.StatusCode < 500)
                {
                    logger.LogWarning("The platform refused {Path}: {Status} {Body}", path, (int)response.StatusCode, await response.Content.ReadAsStringAsync());
                    return;
                }
            }
            catch (HttpRequestException e) when (attempt < 5)
            {
                logger.LogInformation("The platform did not take {Path} ({Message}); retrying", path, e.Message);
            }
            if (attempt >= 5) throw new HttpRequestException($"The platform did not take {path} after {attempt} attempts.");
            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }
    }
}
