using HomeService.Telephony;

namespace HomeService.Silo.Hosting;

/// <summary>
/// Optional demo traffic: scripted callers for a while after start-up, so wallboards and consoles have something
/// to show. Off unless "HomeService:Telephony:Simulator:CallsPerMinute" is above zero.
/// </summary>
public sealed class SimulatedTrafficService(SimulatedSwitch simulatedSwitch, IConfiguration config, ILoggerFactory logs) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        var section = config.GetSection("HomeService:Telephony:Simulator");
        var perMinute = section.GetValue("CallsPerMinute", 0.0);
        if (perMinute <= 0) return;
        var platformUrl = section["PlatformUrl"] ?? throw new InvalidOperationException("HomeService:Telephony:Simulator:PlatformUrl is not set.");
        var apiKey = section["ApiKey"] ?? config["HomeService:Seed:ApiKeys:telephony"]
            ?? throw new InvalidOperationException("HomeService:Telephony:Simulator:ApiKey is not set.");

        await Task.Delay(TimeSpan.FromSeconds(section.GetValue("StartAfterSeconds", 10)), ct);
        using var http = new HttpClient { BaseAddress = new Uri(platformUrl) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        var autoAnswer = section.GetValue<double?>("AutoAnswerSeconds");
        var simulator = new SimulatedCallers(simulatedSwitch, http, logs.CreateLogger<SimulatedCallers>())
        {
            AutoAnswer = autoAnswer is { } s ? TimeSpan.FromSeconds(s) : null,
        };
        var profile = CallerProfile.Default(perMinute / 60, TimeSpan.FromMinutes(section.GetValue("Minutes", 30))) with
        {
            MeanPatience = TimeSpan.FromSeconds(section.GetValue("MeanPatienceSeconds", 60)),
            MeanTalkTime = TimeSpan.FromSeconds(section.GetValue("MeanTalkSeconds", 90)),
        };
        await simulator.Run(CallerScript.Generate(profile, Environment.TickCount, $"demo{DateTime.UtcNow:HHmmss}"), ct);
    }
}
