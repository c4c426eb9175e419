using System.Net.Sockets;
using System.Text;

namespace HomeService.VoiceEdge.Sip;

/// <summary>
/// SIP over one TCP connection (RFC 3261 §18.3): messages framed by Content-Length, keep-alive CRLFs skipped. Over a
/// reliable transport nothing is retransmitted, so the edge talks TCP to Kamailio only and Kamailio faces the trunks.
/// </summary>
public sealed class SipConnection(TcpClient client) : IAsyncDisposable
{
    private readonly NetworkStream _stream = client.GetStream();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private byte[] _buffer = new byte[16 * 1024];
    private int _filled;

    public async Task Send(SipMessage message, CancellationToken ct = default)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToString());
        await _writing.WaitAsync(ct);
        try
        {
            await _stream.WriteAsync(bytes, ct);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>The next message, or null when the other side closed the connection.</summary>
    public async Task<SipMessage?> Receive(CancellationToken ct)
    {
        while (true)
        {
            var skipped = 0;
            while (skipped < _filled && _buffer[skipped] is (byte)'\r' or (byte)'\n') skipped++;
            if (skipped > 0) Consume(skipped);
            var headEnd = _buffer.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8);
            if (headEnd >= 0)
            {
                var head = Encoding.UTF8.GetString(_buffer, 0, headEnd);
                var length = ContentLength(head);
                var total = headEnd + 4 + length;
                if (_filled >= total)
                {
                    var body = Encoding.UTF8.GetString(_buffer, headEnd + 4, length);
                    Consume(total);
                    return SipMessage.Parse(head, body);
                }
            }
            if (_filled == _buffer.Length)
            {
                if (_buffer.Length >= 256 * 1024) throw new InvalidDataException("A SIP message larger than 256 KB.");
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var read = await _stream.ReadAsync(_buffer.AsMemory(_filled), ct);
            if (read == 0) return null;
            _filled += read;
        }
    }

    private static int ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            var name = line[..colon].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("l", StringComparison.OrdinalIgnoreCase))
                return int.Parse(line[(colon + 1)..].Trim());
        }
        return 0; // over TCP a missing Content-Length is an error (§18.3); a message without one is taken as bodiless
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(_buffer, count, _buffer, 0, _filled - count);
        _filled -= count;
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        _writing.Dispose();
        return ValueTask.CompletedTask;
    }
}
