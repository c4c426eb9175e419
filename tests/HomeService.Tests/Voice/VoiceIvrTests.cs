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
    private const string Hotline = "037112345";
    private VoiceCenter _center = null!;

    public async Task InitializeAsync() => _center = await VoiceCenter.Start("voice-ivr");

    public async Task DisposeAsync() => await _center.DisposeAsync();

    [Fact]
    public async Task A_caller_on_a_sip_phone_hears_the_platforms_menu_and_the_key_chooses_the_queue()
    {
        // The caller's microphone is a steady 440 Hz tone: while no agent is connected it must go nowhere, so whatever
        // the caller hears is the platform speaking.
        var tone = Path.Combine(_center.Work, "caller.wav");
        await AudioCheck.Tone(tone, 440, 40);
        await using var caller = await SipPhone.Start(_center.Voice, "13812345678", tone);
        await caller.Dial($"sip:{Hotline}@127.0.0.1:{_center.Voice.SipPort}");
        await caller.Next("CALL_ESTABLISHED", TimeSpan.FromSeconds(15));

        string? callId = null;
        await Eventually.True(async () => (callId = await _center.Deployment.Scalar<string>(
            "SELECT call_id FROM call_record WHERE caller = '13812345678' AND dialled = $1", Hotline)) is not null,
            TimeSpan.FromSeconds(30), "the platform has the call");
        var grains = _center.Deployment.Silos[0].Grains;
        await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId!).Get()).Status == CallStatus.Ivr,
            TimeSpan.FromSeconds(30), "the call is in the platform's menu");

        // The menu plays; after three seconds of it the caller presses 2 (service request, 服务申请).
        await Task.Delay(TimeSpan.FromSeconds(3));
        await caller.Press('2');
        try
        {
            await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId!).Get()) is { Status: CallStatus.Queued, QueueId: "service" },
                TimeSpan.FromSeconds(30), "the key put the call in the service queue");
        }
        catch
        {
            output.WriteLine("Timeline: " + string.Join(" > ", (await grains.GetGrain<ICallGrain>(callId!).Get()).Timeline.Select(t => $"{t.At:HH:mm:ss.fff} {t.What} {t.Detail}")));
            foreach (var line in _center.EdgeLog.Lines) output.WriteLine("edge: " + line);
            throw;
        }
        var call = await grains.GetGrain<ICallGrain>(callId!).Get();
        Assert.Contains(call.Timeline, t => t.What == "dtmf" || t.What.StartsWith("dtmf", StringComparison.Ordinal));

        await caller.HangUp();
        await caller.Next("CALL_CLOSED", TimeSpan.FromSeconds(10));
        await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId!).Get()).Status == CallStatus.Ended,
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
