using HomeService.VoiceEdge;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace HomeService.Tests.Infrastructure;

/// <summary>The voice edge in the test process, wired to a voice stack and to a platform address (live or not).</summary>
public static class VoiceEdgeHost
{
    /// <param name="log">Receives the edge's log lines, for the test to print when it fails.</param>
    public static async Task<WebApplication> Start(VoiceStack voice, int httpPort, Uri platform, string commandKey, string promptFolder, KeptLog log)
    {
        var edge = EdgeApp.Build([], builder =>
        {
            builder.Logging.AddProvider(log);
            builder.WebHost.UseUrls($"http://127.0.0.1:{httpPort}");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["HomeService:VoiceEdge:SipPort"] = voice.EdgeSipPort.ToString(),
                ["HomeService:VoiceEdge:RtpEngine"] = $"127.0.0.1:{voice.NgPort}",
                ["HomeService:VoiceEdge:DtmfPort"] = voice.DtmfPort.ToString(),
                ["HomeService:VoiceEdge:PromptFolder"] = promptFolder,
                ["HomeService:VoiceEdge:PlatformUrl"] = platform.ToString(),
                ["HomeService:VoiceEdge:TelephonyKey"] = TestDeployment.TelephonyKey,
                ["HomeService:VoiceEdge:CommandKey"] = commandKey,
                ["HomeService:VoiceEdge:Kamailio"] = $"127.0.0.1:{voice.EdgeInPort}",
                ["HomeService:VoiceEdge:SeatDomain"] = "127.0.0.1",
            });
        });
        await edge.StartAsync();
        return edge;
    }
}
