using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A real SIP phone for the voice tests: baresip, signed in with a seat credential of the stack's secret, sending a
/// WAV as its microphone and recording what it receives (sndfile), driven over its ctrl_tcp socket (JSON netstrings).
/// It is started as its own process and stopped by its PID when the test ends.
/// </summary>
public sealed class SipPhone : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TcpClient _control;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private int _token;

    private SipPhone(string folder, Process process, TcpClient control)
    {
        Folder = folder;
        _process = process;
        _control = control;
        _ = Task.Run(ReadEvents);
    }

    public string Folder { get; }

    /// <param name="tone">The sound it sends: an 8 kHz mono 16-bit WAV (baresip's aufile does not resample).</param>
    public static async Task<SipPhone> Start(VoiceStack stack, string user, string tone)
    {
        var folder = Directory.CreateTempSubdirectory($"hs-phone-{user}-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "snd"));
        var sip = Ports.Free();
        Ports.Free(); // baresip also binds the next port (TLS): keep it from the other tests
        var control = Ports.Free();
        var rtp = 63_000 + Random.Shared.Next(0, 100) * 20;
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), string.Join('\n',
            "poll_method epoll", $"sip_listen 127.0.0.1:{sip}", "net_interface 127.0.0.1", "audio_player aubridge,nil",
            "audio_alert aubridge,nil", $"audio_source aufile,{tone}", $"rtp_ports {rtp}-{rtp + 19}", "module_path /usr/lib/baresip/modules",
            "module g711.so", "module aufile.so", "module aubridge.so", "module sndfile.so", "module_app account.so", "module_app menu.so",
            "module_app ctrl_tcp.so", $"ctrl_tcp_listen 127.0.0.1:{control}", $"snd_path {Path.Combine(folder, "snd")}", ""));
        var credential = HomeService.Web.Voice.SeatCredentials.Issue(stack.Secret, user, DateTimeOffset.UtcNow, TimeSpan.FromHours(1));
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"),
            $"<sip:{user}@127.0.0.1:{stack.SipPort}>;auth_user={credential.Username};auth_pass={credential.Password};regint=0;answermode=manual\n");
        var start = new ProcessStartInfo("baresip") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(folder);
        var process = Process.Start(start)!;
        var log = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", control);
                return new SipPhone(folder, process, client);
            }
            catch (SocketException) when (attempt < 50 && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                lock (log) throw new InvalidOperationException($"baresip did not open its control port:\n{log}");
            }
        }
    }

    public Task Dial(string uri) => Command("dial", uri);

    /// <summary>A key as RFC 4733 telephone-event, as a phone's keypad sends it.</summary>
    public Task Press(char key) => Command("sndcode", key.ToString());

    public Task HangUp() => Command("hangup", "");

    /// <summary>Waits for a call event (CALL_ESTABLISHED, CALL_CLOSED, …) and returns it.</summary>
    public async Task<JsonElement> Next(string type, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            while (true)
            {
                var e = await _events.Reader.ReadAsync(timeout.Token);
                if (e.GetProperty("type").GetString() == type) return e;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"baresip reported no {type} within {within.TotalSeconds:0} s.");
        }
    }

    /// <summary>What the phone received during its call, as baresip's sndfile wrote it (after the call closed).</summary>
    public string? ReceivedAudio => Directory.GetFiles(Path.Combine(Folder, "snd"), "*-dec.wav").FirstOrDefault();

    private async Task Command(string command, string parameters)
    {
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { command, @params = parameters, token = $"t{Interlocked.Increment(ref _token)}" }));
        var frame = Encoding.ASCII.GetBytes($"{body.Length}:").Concat(body).Append((byte)',').ToArray();
        await _control.GetStream().WriteAsync(frame);
    }

    private async Task ReadEvents()
    {
        var stream = _control.GetStream();
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk, _stop.Token);
                if (read == 0) return;
                buffer.AddRange(chunk.AsSpan(0, read).ToArray());
                while (true)
                {
                    var colon = buffer.IndexOf((byte)':');
                    if (colon < 0) break;
                    var length = int.Parse(Encoding.ASCII.GetString(buffer.GetRange(0, colon).ToArray()));
                    if (buffer.Count < colon + 1 + length + 1) break;
                    var message = JsonDocument.Parse(buffer.GetRange(colon + 1, length).ToArray()).RootElement.Clone();
                    buffer.RemoveRange(0, colon + 1 + length + 1);
                    if (message.TryGetProperty("event", out var isEvent) && isEvent.ValueKind == JsonValueKind.True) await _events.Writer.WriteAsync(message);
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _control.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
