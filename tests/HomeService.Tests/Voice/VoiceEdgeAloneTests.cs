using System.Security.Cryptography;
using HomeService.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;

namespace HomeService.Tests.Voice;

/// <summary>
/// The voice edge when the platform cannot be reached (every web host down, a network cut): a caller who dials the
/// hotline is answered, hears that the system is busy, and is hung up on, never left in silence or dropped unheard.
/// </summary>
public sealed class VoiceEdgeAloneTests : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("hs-voice-alone-").FullName;
    private VoiceStack _voice = null!;
    private WebApplication _edge = null!;
    private readonly KeptLog _edgeLog = new();

    public async Task InitializeAsync()
    {
        _voice = await VoiceStack.Start(withEdge: true);
        var nobody = new Uri($"http://127.0.0.1:{Ports.Free()}"); // a port nothing listens on
        _edge = await VoiceEdgeHost.Start(_voice, Ports.Free(), nobody, "edge-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            Path.Combine(_work, "prompts"), _edgeLog);
    }

    public async Task DisposeAsync()
    {
        await _edge.StopAsync();
        await _edge.DisposeAsync();
        await _voice.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task A_call_that_arrives_while_the_platform_is_away_hears_a_busy_message_and_is_hung_up()
    {
        var tone = Path.Combine(_work, "caller.wav");
        await AudioCheck.Tone(tone, 440, 40);
        await using var caller = await SipPhone.Start(_voice, "13812340000", tone);
        await caller.Dial($"sip:037112345@127.0.0.1:{_voice.SipPort}");
        await caller.Next("CALL_ESTABLISHED", TimeSpan.FromSeconds(15));
        await caller.Next("CALL_CLOSED", TimeSpan.FromSeconds(30));

        Assert.NotNull(caller.ReceivedAudio);
        // The platform is retried for about two seconds before the message starts; the message lasts about two more.
        var heard = await AudioCheck.Stat(caller.ReceivedAudio!, start: 0, length: 10);
        Assert.True(heard.Rms > 0.02, $"the caller heard nearly nothing (RMS {heard.Rms}): no busy message");
    }
}
