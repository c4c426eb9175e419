using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HomeService.VoiceEdge.Media;

/// <summary>
/// One call's recording (自动录音), made by the edge: rtpengine sends what each party says, transcoded to PCMU, to two
/// UDP ports of the edge through a subscription (rtpengine mixes nothing), and the edge lays each stream on a timeline
/// by arrival, so silence (hold, a gap) keeps its length, then mixes both into one 8 kHz WAV.
/// </summary>
public sealed class CallRecording
{
    private const int Rate = 8000;
    private readonly UdpClient[] _ports = [new(new IPEndPoint(IPAddress.Loopback, 0)), new(new IPEndPoint(IPAddress.Loopback, 0))];
    private readonly Track[] _tracks = [new(), new()];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _receiving;

    public CallRecording() => _receiving = [Receive(0), Receive(1)];

    /// <summary>rtpengine's name for the subscription, to end it when the agent changes.</summary>
    public string? SubscriptionTag { get; set; }

    /// <summary>The answer to rtpengine's subscription offer: one receive-only PCMU stream per party, caller first.</summary>
    public string AnswerSdp() => string.Join("\r\n",
        "v=0", "o=- 1 1 IN IP4 127.0.0.1", "s=recording", "c=IN IP4 127.0.0.1", "t=0 0",
        $"m=audio {Port(0)} RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=recvonly",
        $"m=audio {Port(1)} RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=recvonly", "");

    private int Port(int track) => ((IPEndPoint)_ports[track].Client.LocalEndPoint!).Port;

    /// <summary>Stops listening and returns the mixed recording as a 16-bit mono WAV.</summary>
    public async Task<byte[]> Finish()
    {
        await _stop.CancelAsync();
        foreach (var port in _ports) port.Dispose();
        await Task.WhenAll(_receiving);
        _stop.Dispose();
        var caller = _tracks[0].Samples;
        var agent = _tracks[1].Samples;
        var mixed = new short[Math.Max(caller.Length, agent.Length)];
        for (var i = 0; i < mixed.Length; i++)
            mixed[i] = (short)Math.Clamp((i < caller.Length ? caller[i] : 0) + (i < agent.Length ? agent[i] : 0), short.MinValue, short.MaxValue);
        return WavFile.Pcm16(mixed, Rate);
    }

    private async Task Receive(int track)
    {
        try
        {
            while (true)
            {
                var packet = (await _ports[track].ReceiveAsync(_stop.Token)).Buffer;
                if (Rtp.PcmuPayload(packet) is { Length: > 0 } payload)
                    lock (_tracks[track]) _tracks[track].Add(payload, (long)(_clock.Elapsed.TotalSeconds * Rate));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    /// <summary>One party's audio on the call's timeline: a packet goes where the last one ended, unless it came late enough to be after a gap.</summary>
    private sealed class Track
    {
        private short[] _samples = new short[Rate * 60];
        private long _cursor;

        public short[] Samples => _samples[..(int)_cursor];

        public void Add(ReadOnlySpan<byte> pcmu, long arrivedAt)
        {
            var startsAt = arrivedAt - pcmu.Length;
            if (startsAt > _cursor + Rate * 6 / 100) _cursor = startsAt; // more than 60 ms behind: nothing was sent meanwhile
            if (_cursor + pcmu.Length > _samples.Length) Array.Resize(ref _samples, Math.Max(_samples.Length * 2, (int)_cursor + pcmu.Length));
            foreach (var b in pcmu) _samples[_cursor++] = G711.Ulaw(b);
        }
    }
}

/// <summary>The few parts of RTP (RFC 3550) the recorder reads.</summary>
public static class Rtp
{
    /// <summary>The payload of a PCMU (payload type 0) packet, or empty for anything else.</summary>
    public static ReadOnlySpan<byte> PcmuPayload(ReadOnlySpan<byte> packet)
    {
        if (packet.Length < 12 || packet[0] >> 6 != 2 || (packet[1] & 0x7F) != 0) return [];
        var header = 12 + 4 * (packet[0] & 0x0F);
        if ((packet[0] & 0x10) != 0)
        {
            if (packet.Length < header + 4) return [];
            header += 4 + 4 * ((packet[header + 2] << 8) | packet[header + 3]);
        }
        var end = packet.Length;
        if ((packet[0] & 0x20) != 0 && end > header) end -= packet[end - 1]; // padding
        return header < end ? packet[header..end] : [];
    }
}

/// <summary>G.711 μ-law to linear PCM (ITU-T G.711).</summary>
public static class G711
{
    public static short Ulaw(byte code)
    {
        code = (byte)~code;
        var magnitude = (((code & 0x0F) << 3) + 0x84) << ((code & 0x70) >> 4);
        return (short)((code & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }
}
