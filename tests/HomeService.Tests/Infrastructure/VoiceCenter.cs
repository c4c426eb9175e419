using System.Security.Cryptography;
using HomeService.CallCenter;
using Microsoft.AspNetCore.Builder;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A whole center with real voice on loopback: Kamailio and rtpengine (deploy/voice.sh), a silo and a web host on the
/// sip gateway, and the voice edge between them, each on ports and in folders of its own; stopped in reverse order.
/// </summary>
public sealed class VoiceCenter : IAsyncDisposable
{
    private VoiceCenter(VoiceStack voice, TestDeployment deployment, WebApplication edge, KeptLog edgeLog, string work)
    {
        Voice = voice;
        Deployment = deployment;
        Edge = edge;
        EdgeLog = edgeLog;
        Work = work;
    }

    public VoiceStack Voice { get; }
    public TestDeployment Deployment { get; }
    public WebApplication Edge { get; }
    /// <summary>The edge's log lines, for a failing test to print.</summary>
    public KeptLog EdgeLog { get; }
    /// <summary>A folder of the test's own for tones and recordings; removed at the end.</summary>
    public string Work { get; }

    public static async Task<VoiceCenter> Start(string name)
    {
        var work = Directory.CreateTempSubdirectory($"hs-{name}-").FullName;
        var edgeKey = "edge-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        var voice = await VoiceStack.Start(withEdge: true);
        var edgeHttp = Ports.Free();
        var settings = voice.PlatformSettings;
        settings["HomeService:Telephony:Gateway"] = "sip";
        settings["HomeService:Telephony:Sip:EdgeUrl"] = $"http://127.0.0.1:{edgeHttp}";
        settings["HomeService:Telephony:Sip:EdgeKey"] = edgeKey;
        var deployment = await TestDeployment.Start(silos: 1, webHosts: 1, settings);
        var log = new KeptLog();
        var edge = await VoiceEdgeHost.Start(voice, edgeHttp, deployment.WebHosts[0].BaseAddress, edgeKey, Path.Combine(work, "prompts"), log);
        return new VoiceCenter(voice, deployment, edge, log, work);
    }

    public const string Hotline = "037112345";

    /// <summary>
    /// A SIP phone sending a steady tone calls the hotline; returns it with the platform's id for the call once the call
    /// is in the platform's menu. The caller disposes the phone.
    /// </summary>
    public async Task<(SipPhone Caller, string CallId)> CallHotline(string number, int toneHertz, int toneSeconds)
    {
        var tone = Path.Combine(Work, "caller.wav");
        await AudioCheck.Tone(tone, toneHertz, toneSeconds);
        var caller = await SipPhone.Start(Voice, number, tone);
        string? callId = null;
        try
        {
            await caller.Dial($"sip:{Hotline}@127.0.0.1:{Voice.SipPort}");
            await caller.Next("CALL_ESTABLISHED", TimeSpan.FromSeconds(15));
            await Eventually.True(async () => (callId = await Deployment.Scalar<string>(
                "SELECT call_id FROM call_record WHERE caller = $1 AND dialled = $2", number, Hotline)) is not null,
                TimeSpan.FromSeconds(30), "the platform has the call");
            await Eventually.True(async () => (await Deployment.Silos[0].Grains.GetGrain<ICallGrain>(callId!).Get()).Status == CallStatus.Ivr,
                TimeSpan.FromSeconds(30), "the call is in the platform's menu");
        }
        catch
        {
            await caller.DisposeAsync(); // its process is stopped even when the call never got that far
            throw;
        }
        return (caller, callId!);
    }

    public async ValueTask DisposeAsync()
    {
        await Edge.StopAsync();
        await Edge.DisposeAsync();
        await Deployment.DisposeAsync();
        await Voice.DisposeAsync();
        try { Directory.Delete(Work, recursive: true); } catch (IOException) { }
    }
}
