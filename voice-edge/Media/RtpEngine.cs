using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace HomeService.VoiceEdge.Media;

/// <summary>
/// rtpengine's ng control protocol over UDP: "&lt;cookie&gt; &lt;bencoded dictionary&gt;", answered with the same cookie.
/// One rtpengine call per platform call (docs/telephony.md §15): the tag <see cref="CallerTag"/> is the caller's leg,
/// answered at once against a <see cref="PlaceholderTag"/> side; every ring of an agent's seat is an offer from the
/// caller to a tag of its own, and the agent's answer moves the caller's media to it. The caller's leg sees no
/// re-INVITE: its address for rtpengine stays as it was.
/// </summary>
public sealed class RtpEngine(IPEndPoint control, TimeSpan timeout)
{
    public const string CallerTag = "caller";
    /// <summary>The agent side while no agent is connected (IVR and queue): a placeholder that receives nothing.</summary>
    public const string PlaceholderTag = "waiting";

    /// <summary>The caller's offer: answers with the SDP for the agent side (unused until an agent is connected).</summary>
    public Task<string> OfferFromCaller(string callId, string callerSdp) =>
        Sdp(new() { ["command"] = "offer", ["call-id"] = callId, ["from-tag"] = CallerTag, ["sdp"] = callerSdp, ["ICE"] = "remove",
            ["transport-protocol"] = "RTP/AVP", ["replace"] = new[] { "origin", "session-connection" } });

    /// <summary>The agent side's answer (a placeholder during the IVR): returns the SDP the caller gets in the 200 OK.</summary>
    public Task<string> AnswerForCaller(string callId, string agentSideSdp) =>
        Sdp(new() { ["command"] = "answer", ["call-id"] = callId, ["from-tag"] = CallerTag, ["to-tag"] = PlaceholderTag, ["sdp"] = agentSideSdp,
            ["ICE"] = "remove", ["transport-protocol"] = "RTP/AVP", ["replace"] = new[] { "origin", "session-connection" } });

    /// <summary>
    /// The caller's offer again, now for an agent's browser: WebRTC on the agent side (ICE, DTLS-SRTP, rtcp-mux, Opus
    /// transcoded from the caller's PCMU). The trunk sees nothing of it: the caller's leg keeps its address.
    /// </summary>
    /// <param name="agentTag">This ring's own tag: a fresh monologue for every agent rung, so nothing of the IVR's
    /// placeholder or of an earlier agent (its DTLS state above all) carries over.</param>
    public async Task<string> OfferToBrowser(string callId, string callerSdp, string agentTag)
    {
        var sdp = await Sdp(new() { ["command"] = "offer", ["call-id"] = callId, ["from-tag"] = CallerTag, ["to-tag"] = agentTag, ["sdp"] = callerSdp,
            ["ICE"] = "force", ["transport-protocol"] = "RTP/SAVPF", ["SDES"] = new[] { "off" }, ["rtcp-mux"] = new[] { "offer" },
            // rtpengine waits as the DTLS server: the browser's hello can arrive before its answer reaches rtpengine
            // (ICE connects as soon as the browser has answered), and with both sides free to start, both started.
            ["DTLS"] = "passive",
            ["flags"] = new[] { "generate-mid" }, ["codec"] = new Dictionary<string, object> { ["mask"] = new[] { "PCMU" }, ["transcode"] = new[] { "opus" } },
            ["replace"] = new[] { "origin", "session-connection" } });
        // rtpengine copies the caller's a=ssrc, but the transcoded stream has another SSRC: Chrome would then play an
        // unsignalled stream and leave the real track silent (VOICE-FACTS). Drop them.
        return string.Join("\r\n", sdp.Split("\r\n").Where(line => !line.StartsWith("a=ssrc", StringComparison.Ordinal)));
    }

    /// <summary>The agent's answer: media now flows between the caller and this agent, whoever had the agent side before.</summary>
    public Task AnswerFromAgent(string callId, string agentSdp, string agentTag) =>
        Request(new() { ["command"] = "answer", ["call-id"] = callId, ["from-tag"] = CallerTag, ["to-tag"] = agentTag, ["sdp"] = agentSdp,
            ["ICE"] = "remove", ["transport-protocol"] = "RTP/AVP", ["rtcp-mux"] = new[] { "demux" }, ["replace"] = new[] { "origin", "session-connection" } });

    /// <summary>Plays a 16-bit PCM WAV to the caller (from-tag caller plays toward that party); returns its length in ms.</summary>
    public async Task<long> PlayToCaller(string callId, string wavPath)
    {
        var reply = await Request(new() { ["command"] = "play media", ["call-id"] = callId, ["from-tag"] = CallerTag, ["file"] = wavPath });
        return reply.TryGetValue("duration", out var duration) ? (long)duration : 0;
    }

    /// <summary>Music on hold: the file again and again until stopped (about an hour's worth).</summary>
    public Task PlayToCallerOnRepeat(string callId, string wavPath) =>
        Request(new() { ["command"] = "play media", ["call-id"] = callId, ["from-tag"] = CallerTag, ["file"] = wavPath, ["repeat-times"] = 1000L });

    /// <summary>Media sent by this tag's party reaches nobody until unblocked (hold: neither side hears the other).</summary>
    public Task BlockMedia(string callId, string tag) =>
        Request(new() { ["command"] = "block media", ["call-id"] = callId, ["from-tag"] = tag });

    public Task UnblockMedia(string callId, string tag) =>
        Request(new() { ["command"] = "unblock media", ["call-id"] = callId, ["from-tag"] = tag });

    /// <summary>
    /// A subscription to what these parties send, transcoded to PCMU over plain RTP (the recorder, later a listen-in):
    /// returns rtpengine's offer and the subscription's tag, which the answer names.
    /// </summary>
    public async Task<(string Sdp, string Tag)> Subscribe(string callId, IReadOnlyList<string> fromTags)
    {
        var reply = await Request(new() { ["command"] = "subscribe request", ["call-id"] = callId, ["from-tags"] = fromTags.ToArray(),
            ["transport-protocol"] = "RTP/AVP", ["codec"] = new Dictionary<string, object> { ["transcode"] = new[] { "PCMU" }, ["mask"] = new[] { "all" } },
            ["flags"] = new[] { "allow transcoding" } });
        return ((string)reply["sdp"], (string)reply["to-tag"]);
    }

    /// <summary>The subscriber's answer; rtpengine refuses it without "allow transcoding" (checked on 10.5).</summary>
    public Task AnswerSubscription(string callId, string tag, string sdp) =>
        Request(new() { ["command"] = "subscribe answer", ["call-id"] = callId, ["to-tag"] = tag, ["sdp"] = sdp,
            ["flags"] = new[] { "allow transcoding" } });

    public Task Unsubscribe(string callId, string tag) =>
        Request(new() { ["command"] = "unsubscribe", ["call-id"] = callId, ["to-tag"] = tag }, tolerateError: true);

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
