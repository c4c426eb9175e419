using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace HomeService.VoiceEdge.Media;

/// <summary>
/// rtpengine's ng control protocol over UDP: "&lt;cookie&gt; &lt;bencoded dictionary&gt;", answered with the same cookie.
/// One rtpengine call per platform call, with two fixed tags: <see cref="CallerTag"/> for the caller's leg and
/// <see cref="AgentTag"/> for whichever agent is connected (docs/telephony.md §15: a re-offer and answer move the
/// agent side, and the caller's leg sees no re-INVITE).
/// </summary>
public sealed class RtpEngine(IPEndPoint control, TimeSpan timeout)
{
    public const string CallerTag = "caller";
    public const string AgentTag = "agent";

    /// <summary>The caller's offer: answers with the SDP for the agent side (unused until an agent is connected).</summary>
    public Task<string> OfferFromCaller(string callId, string callerSdp) =>
        Sdp(new() { ["command"] = "offer", ["call-id"] = callId, ["from-tag"] = CallerTag, ["sdp"] = callerSdp, ["ICE"] = "remove",
            ["transport-protocol"] = "RTP/AVP", ["replace"] = new[] { "origin", "session-connection" } });

    /// <summary>The agent side's answer (a placeholder during the IVR): returns the SDP the caller gets in the 200 OK.</summary>
    public Task<string> AnswerForCaller(string callId, string agentSideSdp) =>
        Sdp(new() { ["command"] = "answer", ["call-id"] = callId, ["from-tag"] = CallerTag, ["to-tag"] = AgentTag, ["sdp"] = agentSideSdp,
            ["ICE"] = "remove", ["transport-protocol"] = "RTP/AVP", ["replace"] = new[] { "origin", "session-connection" } });

    /// <summary>Plays a 16-bit PCM WAV to the caller (from-tag caller plays toward that party); returns its length in ms.</summary>
    public async Task<long> PlayToCaller(string callId, string wavPath)
    {
        var reply = await Request(new() { ["command"] = "play media", ["call-id"] = callId, ["from-tag"] = CallerTag, ["file"] = wavPath });
        return reply.TryGetValue("duration", out var duration) ? (long)duration : 0;
    }

    public Task StopMediaToCaller(string callId) =>
        Request(new() { ["command"] = "stop media", ["call-id"] = callId, ["from-tag"] = CallerTag }, tolerateError: true);

    public Task Delete(string callId) => Request(new() { ["command"] = "delete", ["call-id"] = callId }, tolerateError: true);

    private async Task<string> Sdp(Dictionary<string, object> request) =>
        (await Request(request)).TryGetValue("sdp", out var sdp) ? (string)sdp : throw new RtpEngineException("rtpengine returned no SDP.");

    private async Task<Dictionary<string, object>> Request(Dictionary<string, object> request, bool tolerateError = false)
    {
        // A fresh cookie per request: rtpengine answers a repeated cookie from its cache without running the command.
        var cookie = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var body = Bencode.Encode(request);
        var datagram = new byte[cookie.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(cookie + " ").CopyTo(datagram, 0);
        body.CopyTo(datagram, cookie.Length + 1);
        using var udp = new UdpClient(AddressFamily.InterNetwork);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await udp.SendAsync(datagram, control);
            using var wait = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                {
                    var reply = (await udp.ReceiveAsync(wait.Token)).Buffer;
                    var space = Array.IndexOf(reply, (byte)' ');
                    if (space <= 0 || Encoding.ASCII.GetString(reply, 0, space) != cookie) continue;
                    var answer = (Dictionary<string, object>)Bencode.Decode(reply.AsSpan(space + 1));
                    if (answer.GetValueOrDefault("result") as string is "ok" or "pong") return answer;
                    if (tolerateError) return answer;
                    throw new RtpEngineException($"rtpengine refused '{request["command"]}': {answer.GetValueOrDefault("error-reason")}");
                }
            }
            catch (OperationCanceledException)
            {
                // lost datagram: once more, with the same cookie (a late first answer is then taken from the cache)
            }
        }
        throw new RtpEngineException($"rtpengine at {control} did not answer '{request["command"]}'.");
    }
}

public sealed class RtpEngineException(string message) : Exception(message);
