using HomeService.VoiceEdge.Calls;
using HomeService.VoiceEdge.Media;
using HomeService.VoiceEdge.Platform;
using HomeService.VoiceEdge.Prompts;
using HomeService.VoiceEdge.Sip;

namespace HomeService.VoiceEdge;

/// <summary>
/// The sip gateway's adapter (docs/telephony.md §12): a back-to-back agent between Kamailio and the platform. It owns
/// the caller's leg, posts the contract's events to the platform, and carries out its commands with rtpengine.
/// </summary>
public static class EdgeApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(EdgeApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        // A failed post to the platform is logged once by PlatformEvents, not with every handler's stack trace.
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        var settings = EdgeSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<CallTable>();
        builder.Services.AddSingleton(new RtpEngine(settings.RtpEngine, TimeSpan.FromSeconds(1)));
        builder.Services.AddSingleton(sp => new PromptVoice(settings.PromptFolder, sp.GetRequiredService<ILogger<PromptVoice>>()));
        builder.Services.AddHttpClient<PlatformEvents>(http =>
        {
            http.BaseAddress = settings.PlatformUrl;
            http.Timeout = TimeSpan.FromSeconds(5);
            http.DefaultRequestHeaders.Add("X-Api-Key", settings.TelephonyKey);
        });
        builder.Services.AddSingleton<KamailioLink>();
        builder.Services.AddSingleton<SipEdge>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SipEdge>());
        builder.Services.AddHostedService<DtmfListener>();
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.MapEdgeCommands(settings);
        return app;
    }
}
