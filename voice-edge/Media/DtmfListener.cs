using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using HomeService.VoiceEdge.Calls;
using HomeService.VoiceEdge.Platform;

namespace HomeService.VoiceEdge.Media;

/// <summary>
/// The caller's keys: rtpengine (--dtmf-log-dest) sends each RFC 4733 event it relays as a JSON datagram, and each
/// key from the caller's leg becomes a DTMF event for the platform, numbered per call for its idempotency key.
/// </summary>
public sealed class DtmfListener(EdgeSettings settings, CallTable calls, PlatformEvents platform, ILogger<DtmfListener> logger) : BackgroundService
{
    private static readonly string Keys = "0123456789*#ABCD";

    protected override async Task ExecuteAsync(CancellationToken stop)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, settings.DtmfPort));
        while (!stop.IsCancellationRequested)
        {
            UdpReceiveResult datagram;
            try
            {
                datagram = await udp.ReceiveAsync(stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                using var json = JsonDocument.Parse(datagram.Buffer);
                var root = json.RootElement;
                var callId = root.GetProperty("callid").GetString() ?? "";
                var tag = root.TryGetProperty("source_tag", out var source) ? source.GetString() : null;
                var key = root.GetProperty("event").GetInt32();
                if (tag != RtpEngine.CallerTag || key < 0 || key >= Keys.Length || calls.ById(callId) is not { } leg) continue;
                logger.LogInformation("Call {Call}: key {Key}", callId, Keys[key]);
                _ = platform.Dtmf(callId, Keys[key].ToString(), leg.NextKey().ToString());
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                logger.LogWarning("A DTMF report that could not be read: {Message}", e.Message);
            }
        }
    }
}
