using System.Security.Cryptography;

namespace HomeService.Tests.Infrastructure;

/// <summary>
/// The real SIP edge (Kamailio) and media relay (rtpengine) on loopback, started by deploy/voice.sh in a folder and on
/// ports of its own, with a secret of its own, and stopped by the same script (which stops only the PIDs it recorded
/// in that folder). deploy/test.sh installs the Debian packages first; the script installs any that are missing.
/// </summary>
public sealed class VoiceStack : IAsyncDisposable
{
    private VoiceStack(string folder, int sip, int webSocket, int ng, string secret, int? edgeSip = null, int? dtmf = null, int? edgeIn = null)
    {
        EdgeInPort = edgeIn;
        EdgeSipPort = edgeSip;
        DtmfPort = dtmf;
        Folder = folder;
        SipPort = sip;
        WebSocketPort = webSocket;
        NgPort = ng;
        Secret = secret;
    }

    public string Folder { get; }
    public int SipPort { get; }
    public int WebSocketPort { get; }
    public int NgPort { get; }
    public string Secret { get; }
    /// <summary>With an edge, Kamailio hands calls from SIP phones and trunks to it on this TCP port.</summary>
    public int? EdgeSipPort { get; }
    /// <summary>With an edge, Kamailio takes the edge's own requests (ringing the seats) on this TCP port.</summary>
    public int? EdgeInPort { get; }
    /// <summary>With an edge, rtpengine reports the keys it relays to this UDP port.</summary>
    public int? DtmfPort { get; }
    public Uri WebSocketUrl => new($"ws://127.0.0.1:{WebSocketPort}");

    /// <summary>What the web hosts need to issue seat credentials this edge accepts.</summary>
    public Dictionary<string, string?> PlatformSettings => new()
    {
        ["HomeService:Voice:SharedSecret"] = Secret,
        ["HomeService:Voice:WebSocketUrl"] = WebSocketUrl.ToString(),
        ["HomeService:Voice:Domain"] = "127.0.0.1",
    };

    /// <param name="withEdge">Calls from SIP phones go to a voice edge (on <see cref="EdgeSipPort"/>), which the test starts.</param>
    public static async Task<VoiceStack> Start(bool withEdge = false)
    {
        var folder = Directory.CreateTempSubdirectory("hs-voice-test-").FullName;
        // deploy/test.sh stops the stack of a run that died before its DisposeAsync: it checks whether this process lives.
        await File.WriteAllTextAsync(Path.Combine(folder, "owner.pid"), Environment.ProcessId.ToString());
        // Above Linux's ephemeral range (to 60999) nothing but another voice stack takes RTP ports; a window of its own.
        var rtpMin = 61_000 + Random.Shared.Next(0, 20) * 200;
        var stack = new VoiceStack(folder, Ports.Free(), Ports.Free(), Ports.Free(), "test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            withEdge ? Ports.Free() : null, withEdge ? Ports.Free() : null, withEdge ? Ports.Free() : null);
        var env = new Dictionary<string, string>
        {
            ["HS_VOICE_SIP_PORT"] = stack.SipPort.ToString(),
            ["HS_VOICE_WS_PORT"] = stack.WebSocketPort.ToString(),
            ["HS_VOICE_NG_PORT"] = stack.NgPort.ToString(),
            ["HS_VOICE_RTP_MIN"] = rtpMin.ToString(),
            ["HS_VOICE_RTP_MAX"] = (rtpMin + 199).ToString(),
        };
        if (withEdge)
        {
            env["HS_VOICE_EDGE_PORT"] = stack.EdgeSipPort.ToString()!;
            env["HS_VOICE_EDGE_IN_PORT"] = stack.EdgeInPort.ToString()!;
            env["HS_VOICE_DTMF_LOG"] = $"udp:127.0.0.1:{stack.DtmfPort}";
        }
        var (code, output) = await stack.Script("start", env);
        if (code != 0)
        {
            await stack.DisposeAsync();
            throw new InvalidOperationException($"deploy/voice.sh start failed ({code}):\n{output}");
        }
        return stack;
    }

    /// <summary>Whether Kamailio's registrar holds a contact for this extension now.</summary>
    public async Task<bool> IsRegistered(string extension) =>
        (await Programs.Run("kamcmd", ["-s", $"unix:{Folder}/kamailio_ctl", "ul.dump", "brief"])).Output
            .Split('\n').Any(line => line.Trim() == $"AoR: {extension}");

    public async ValueTask DisposeAsync()
    {
        await Script("stop", []);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private Task<(int Code, string Output)> Script(string verb, Dictionary<string, string> env)
    {
        env["HS_VOICE_DIR"] = Folder;
        env["HS_VOICE_SECRET"] = Secret;
        return Programs.Run(Path.Combine(Ports.RepoRoot, "deploy", "voice.sh"), [verb], env); // a first start may install packages
    }
}
