using HomeService.CallCenter;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Voice;

/// <summary>
/// The sip gateway's inbound path with sound: a SIP phone (baresip) calls the hotline at Kamailio, the voice edge
/// answers it for the platform, the platform's IVR speaks its menu through rtpengine, the caller's key chooses the
/// queue, and the caller's hang-up ends the call. Every part is the real one: Kamailio, rtpengine, the edge, the
/// platform's silo and web host, and the phone; what the caller heard is measured in the audio it recorded.
/// </summary>
public sealed class VoiceIvrTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private VoiceCenter _center = null!;

    public async Task InitializeAsync() => _center = await VoiceCenter.Start("voice-ivr");

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task A_caller_on_a_sip_phone_hears_the_platforms_menu_and_the_key_chooses_the_queue()
    {
        // The caller's microphone is a steady 440 Hz tone: while no agent is connected it must go nowhere, so whatever
        // the caller hears is the platform speaking.
        var (phone, callId) = await _center.CallHotline("13812345678", 440, 40);
        await using var caller = phone;
        var grains = _center.Deployment.Silos[0].Grains;

        // The menu plays; after three seconds of it the caller presses 2 (service request, 服务申请).
        await Task.Delay(TimeSpan.FromSeconds(3));
        await caller.Press('2');
        try
        {
            await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId).Get()) is { Status: CallStatus.Queued, QueueId: "service" },
                TimeSpan.FromSeconds(30), "the key put the call in the service queue");
        }
        catch
        {
            output.WriteLine("Timeline: " + string.Join(" > ", (await grains.GetGrain<ICallGrain>(callId).Get()).Timeline.Select(t => $"{t.At:HH:mm:ss.fff} {t.What} {t.Detail}")));
            foreach (var line in _center.EdgeLog.Lines) output.WriteLine("edge: " + line);
            throw;
        }
        var call = await grains.GetGrain<ICallGrain>(callId).Get();
        Assert.Contains(call.Timeline, t => t.What == "dtmf" || t.What.StartsWith("dtmf", StringComparison.Ordinal));

        await caller.HangUp();
        await caller.Next("CALL_CLOSED", TimeSpan.FromSeconds(10));
        await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId).Get()).Status == CallStatus.Ended,
            TimeSpan.FromSeconds(30), "the caller's hang-up ended the call");

        // What the caller heard in the first three seconds: speech (the menu), loud enough to be heard.
        Assert.NotNull(caller.ReceivedAudio);
        var heard = await AudioCheck.Stat(caller.ReceivedAudio!, start: 0.3, length: 2.5);
        output.WriteLine($"The caller heard RMS {heard.Rms}, rough frequency {heard.Frequency} Hz; timeline: " +
            string.Join(" > ", call.Timeline.Select(t => t.What + " " + t.Detail)));
        Assert.True(heard.Rms > 0.02, $"the caller heard nearly nothing (RMS {heard.Rms}): the menu was not played");
        Assert.False(Math.Abs(heard.Frequency - 440) < 22, $"the caller heard their own 440 Hz tone back ({heard.Frequency} Hz)");
    }
}
