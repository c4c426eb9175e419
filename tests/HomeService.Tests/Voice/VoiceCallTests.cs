using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using HomeService.CallCenter;
using HomeService.Tests.Browser;
using HomeService.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HomeService.Tests.Voice;

/// <summary>
/// A hotline call with voice from end to end: a SIP phone (baresip) calls the hotline, the platform's IVR and queue
/// route it, the routed agent's console rings with the screen pop and answers in the page (JsSIP in Chromium, its fake
/// microphone a steady 1000 Hz tone), and each side hears the other's tone; the agent's 挂断 ends the caller's call.
/// Every part is the real one: Kamailio, rtpengine, the voice edge, the platform's silo and web host.
/// </summary>
public sealed class VoiceCallTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    private const string Hotline = "037112345";
    private const int CallerHertz = 440;
    private readonly string _edgeKey = "edge-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
    private readonly string _work = Directory.CreateTempSubdirectory("hs-voice-call-").FullName;
    private readonly KeptLog _edgeLog = new();
    private VoiceStack _voice = null!;
    private TestDeployment _deployment = null!;
    private WebApplication _edge = null!;

    public async Task InitializeAsync()
    {
        _voice = await VoiceStack.Start(withEdge: true);
        var edgeHttp = Ports.Free();
        var settings = _voice.PlatformSettings;
        settings["HomeService:Telephony:Gateway"] = "sip";
        settings["HomeService:Telephony:Sip:EdgeUrl"] = $"http://127.0.0.1:{edgeHttp}";
        settings["HomeService:Telephony:Sip:EdgeKey"] = _edgeKey;
        _deployment = await TestDeployment.Start(silos: 1, webHosts: 1, settings);
        _edge = await VoiceEdgeHost.Start(_voice, edgeHttp, _deployment.WebHosts[0].BaseAddress, _edgeKey, Path.Combine(_work, "prompts"), _edgeLog);
    }

    public async Task DisposeAsync()
    {
        await _edge.StopAsync();
        await _edge.DisposeAsync();
        await _deployment.DisposeAsync();
        await _voice.DisposeAsync();
        try { Directory.Delete(_work, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public Task The_routed_agent_answers_in_the_console_and_caller_and_agent_hear_each_other() => InBrowser(async session =>
    {
        var web = _deployment.WebHosts[0];
        var agent = await session.Open(web, "agent1");
        await agent.Context.GrantPermissionsAsync(["microphone"], new() { Origin = web.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await SignIn(agent, "agent1");
        await IsOn(agent, "/console");
        await Expect(agent.Locator("body")).ToHaveAttributeAsync("data-console", "ready");
        await Expect(agent.Locator("#phone-state")).ToHaveAttributeAsync("data-state", "registered");
        await agent.Locator("#seat-login").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "NotReady");
        await agent.Locator("#seat-ready").ClickAsync();
        await Expect(agent.Locator("#seat")).ToHaveAttributeAsync("data-status", "Available");

        var tone = Path.Combine(_work, "caller.wav");
        await AudioCheck.Tone(tone, CallerHertz, 60);
        await using var caller = await SipPhone.Start(_voice, "13812345678", tone);
        await caller.Dial($"sip:{Hotline}@127.0.0.1:{_voice.SipPort}");
        await caller.Next("CALL_ESTABLISHED", TimeSpan.FromSeconds(15));
        string? found = null;
        await Eventually.True(async () => (found = await _deployment.Scalar<string>(
            "SELECT call_id FROM call_record WHERE caller = '13812345678' AND dialled = $1", Hotline)) is not null,
            TimeSpan.FromSeconds(30), "the platform has the call");
        var callId = found!;
        var grains = _deployment.Silos[0].Grains;
        await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId).Get()).Status == CallStatus.Ivr,
            TimeSpan.FromSeconds(30), "the call is in the platform's menu");
        await caller.Press('2'); // 服务申请: the service queue, where agent1 is the one agent ready

        try
        {
            await TalkAndHangUp(session, agent, caller, callId);
        }
        catch
        {
            await Explain(callId);
            throw;
        }
    });

    private async Task TalkAndHangUp(BrowserSession session, IPage agent, SipPhone caller, string callId)
    {
        var grains = _deployment.Silos[0].Grains;
        // The pop and the phone's ring arrive separately; the agent answers the popped call in the page.
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-call-id", callId);
        await Expect(agent.Locator("#phone-state")).ToHaveAttributeAsync("data-state", "ringing");
        await agent.Locator("#call-accept").ClickAsync();
        await Expect(agent.Locator("#phone-state")).ToHaveAttributeAsync("data-state", "inCall");
        await Expect(agent.Locator("#call-panel")).ToHaveAttributeAsync("data-status", "Connected");
        await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId).Get()) is { Status: CallStatus.Connected, AgentId: "A001" },
            TimeSpan.FromSeconds(30), "the phone's answer connected agent1 on the platform");
        var connected = await grains.GetGrain<ICallGrain>(callId).Get();
        Assert.Contains(connected.Timeline, t => t.What == "answered" && (t.Detail ?? "").Contains("phone", StringComparison.Ordinal));

        // Two seconds of talk, then what the agent hears, from the page's own audio: the caller's tone.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var heardByAgent = Path.Combine(_work, "agent-heard.wav");
        await File.WriteAllBytesAsync(heardByAgent, await CaptureRemoteAudio(agent, seconds: 2));
        var agentHeard = await AudioCheck.Stat(heardByAgent, start: 0.2, length: 1.6);
        Output.WriteLine($"The agent heard RMS {agentHeard.Rms}, rough frequency {agentHeard.Frequency} Hz");

        // The agent hangs up on the console: the caller's phone is hung up on.
        await agent.Locator("#call-hangup").ClickAsync();
        await caller.Next("CALL_CLOSED", TimeSpan.FromSeconds(15));
        await Eventually.True(async () => (await grains.GetGrain<ICallGrain>(callId).Get()).Status == CallStatus.Ended,
            TimeSpan.FromSeconds(30), "the agent's hang-up ended the call");
        await Expect(agent.Locator("#phone-state")).ToHaveAttributeAsync("data-state", "registered");

        // What the caller heard in the last seconds before the hang-up: the agent's tone.
        var received = caller.ReceivedAudio ?? throw new InvalidOperationException("baresip recorded nothing");
        var length = await AudioCheck.Length(received);
        var callerHeard = await AudioCheck.Stat(received, start: length - 3, length: 2);
        Output.WriteLine($"The caller heard RMS {callerHeard.Rms}, rough frequency {callerHeard.Frequency} Hz (of {length:0.0} s recorded)");

        Assert.True(agentHeard.Rms > 0.02, $"the agent heard nearly nothing (RMS {agentHeard.Rms})");
        Assert.InRange(agentHeard.Frequency, CallerHertz * 0.95, CallerHertz * 1.05);
        Assert.True(callerHeard.Rms > 0.02, $"the caller heard nearly nothing (RMS {callerHeard.Rms})");
        Assert.InRange(callerHeard.Frequency, BrowserFixture.MicrophoneHertz * 0.95, BrowserFixture.MicrophoneHertz * 1.05);
        Assert.Empty(session.ScriptErrors(agent));
    }

    /// <summary>The phone's remote stream (the audio element it plays in), recorded through WebAudio, as a 16-bit WAV.</summary>
    private static async Task<byte[]> CaptureRemoteAudio(IPage page, int seconds)
    {
        var captured = await page.EvaluateAsync<JsonElement>("""
            async (seconds) => {
              const stream = document.getElementById("phone-audio").srcObject;
              if (!stream) return null;
              const context = new AudioContext();
              await context.resume();
              const source = context.createMediaStreamSource(stream);
              const recorder = context.createScriptProcessor(4096, 1, 1);
              const chunks = [];
              recorder.onaudioprocess = (e) => chunks.push(Array.from(e.inputBuffer.getChannelData(0)));
              source.connect(recorder);
              recorder.connect(context.destination);
              await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
              recorder.disconnect();
              source.disconnect();
              const rate = context.sampleRate;
              await context.close();
              return { rate, samples: chunks.flat() };
            }
            """, seconds);
        if (captured.ValueKind == JsonValueKind.Null) throw new InvalidOperationException("The console's phone has no remote audio.");
        var samples = captured.GetProperty("samples").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return Wav.Pcm16(samples, captured.GetProperty("rate").GetInt32());
    }

    private async Task Explain(string callId)
    {
        var call = await _deployment.Silos[0].Grains.GetGrain<ICallGrain>(callId).Get();
        Output.WriteLine("Timeline: " + string.Join(" > ", call.Timeline.Select(t => $"{t.At:HH:mm:ss.fff} {t.What} {t.Detail}")));
        foreach (var line in _edgeLog.Lines) Output.WriteLine("edge: " + line);
        Output.WriteLine("kamailio: " + string.Join("\n", (await File.ReadAllLinesAsync(Path.Combine(_voice.Folder, "kamailio.log"))).TakeLast(40)));
        Output.WriteLine("rtpengine: " + string.Join("\n", (await File.ReadAllLinesAsync(Path.Combine(_voice.Folder, "rtpengine.log"))).TakeLast(60)));
    }
}
