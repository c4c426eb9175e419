using HomeService.CallCenter;
using HomeService.CallCenter.Calls;
using HomeService.Telephony;

namespace HomeService.Silo.Hosting;

public static class CallCenterServices
{
    /// <summary>
    /// The call center's services in the silo. "HomeService:Telephony:Gateway" chooses the switch integration;
    /// "simulated" (the only one so far, and the default) is the built-in switch used in development, demos and tests.
    /// </summary>
    public static IServiceCollection AddCallCenter(this IServiceCollection services, IConfiguration config)
    {
        var gateway = config["HomeService:Telephony:Gateway"] ?? "simulated";
        services.AddSingleton<SimulatedSwitch>();
        switch (gateway)
        {
            case "simulated":
                services.AddSingleton<ICtiGateway>(sp => sp.GetRequiredService<SimulatedSwitch>());
                break;
            case "sip":
                services.AddSingleton<ICtiGateway>(SipGatewayFrom(config));
                break;
            default:
                throw new InvalidOperationException($"Unknown telephony gateway '{gateway}' (simulated or sip).");
        }
        services.AddSingleton<CallerHistory>();
        services.AddSingleton<HomeService.CallCenter.Ivr.OrderStatusLookup>();
        services.AddSingleton<HomeService.CallCenter.Campaigns.IFollowUpResultSink, HomeService.WorkOrders.WorkOrderFollowUpSink>();
        services.AddSingleton(new HomeService.CallCenter.Campaigns.CampaignOptions
        {
            TickEvery = config.GetValue("HomeService:Campaigns:TickEvery", TimeSpan.FromSeconds(10)),
            QuietCallAfter = config.GetValue("HomeService:Campaigns:QuietCallAfter", HomeService.CallCenter.Campaigns.CampaignDialer.QuietCallAfter),
        });
        services.AddHostedService<SimulatedTrafficService>();
        services.AddHostedService<SimulatedRecordingService>();
        services.AddSingleton(new CallCenterOptions
        {
            PresenceGrace = config.GetValue("HomeService:CallCenter:PresenceGrace", TimeSpan.FromSeconds(60)),
            PresenceCheckEvery = config.GetValue("HomeService:CallCenter:PresenceCheckEvery", TimeSpan.FromSeconds(10)),
            SeatHeldCheckAfter = config.GetValue("HomeService:CallCenter:SeatHeldCheckAfter", TimeSpan.FromSeconds(30)),
            CallSanityCheckEvery = config.GetValue("HomeService:CallCenter:CallSanityCheckEvery", TimeSpan.FromMinutes(5)),
            AbandonedPlaceKept = config.GetValue("HomeService:CallCenter:AbandonedPlaceKept", TimeSpan.FromSeconds(60)),
            RingAgainDelay = config.GetValue("HomeService:CallCenter:RingAgainDelay", TimeSpan.FromSeconds(15)),
        });
        return services;
    }

    /// <summary>The voice edge's command API (HomeService:Telephony:Sip:EdgeUrl) and its key (…:EdgeKey); both required.</summary>
    private static SipGateway SipGatewayFrom(IConfiguration config)
    {
        if (!Uri.TryCreate(config["HomeService:Telephony:Sip:EdgeUrl"], UriKind.Absolute, out var url))
            throw new InvalidOperationException("HomeService:Telephony:Sip:EdgeUrl must be the voice edge's address with the sip gateway.");
        var key = config["HomeService:Telephony:Sip:EdgeKey"] is { Length: >= 16 } k ? k
            : throw new InvalidOperationException("HomeService:Telephony:Sip:EdgeKey must be set (at least 16 characters) with the sip gateway.");
        var http = new HttpClient { BaseAddress = new Uri(url.ToString().TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Add(SipGateway.KeyHeader, key);
        return new SipGateway(http);
    }

    public static IServiceCollection AddWorkOrders(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<HomeService.WorkOrders.OrderNumbers>();
        services.AddSingleton(new HomeService.WorkOrders.WorkOrderOptions
        {
            AcceptTimeout = config.GetValue("HomeService:WorkOrders:AcceptTimeout", TimeSpan.FromMinutes(10)),
            OfferReminderBefore = config.GetValue("HomeService:WorkOrders:OfferReminderBefore", TimeSpan.FromMinutes(3)),
            MaxOfferAttempts = config.GetValue("HomeService:WorkOrders:MaxOfferAttempts", 3),
            FollowUpDelay = config.GetValue("HomeService:WorkOrders:FollowUpDelay", TimeSpan.FromHours(24)),
            SweepEvery = config.GetValue("HomeService:WorkOrders:SweepEvery", TimeSpan.FromMinutes(1)),
            DispatchSla = config.GetValue("HomeService:WorkOrders:DispatchSla", TimeSpan.FromMinutes(30)),
            CompletionGrace = config.GetValue("HomeService:WorkOrders:CompletionGrace", TimeSpan.FromHours(4)),
            DutyPhone = config.GetValue<string?>("HomeService:WorkOrders:DutyPhone"),
            EarlyCheckIn = config.GetValue("HomeService:WorkOrders:EarlyCheckIn", TimeSpan.FromHours(1)),
            // "HomeService:WorkOrders:ComplaintSla:high:Respond" = "04:00:00", and so on per severity.
            ComplaintSlas = new[] { "low", "medium", "high" }.ToDictionary(s => s, s =>
            {
                var (respond, resolve) = HomeService.WorkOrders.WorkOrder.DefaultComplaintSla(s);
                return (config.GetValue($"HomeService:WorkOrders:ComplaintSla:{s}:Respond", respond),
                    config.GetValue($"HomeService:WorkOrders:ComplaintSla:{s}:Resolve", resolve));
            }),
        });
        return services;
    }

    /// <summary>The standing rules of merchant admission and exit, from <c>HomeService:Merchants</c>.</summary>
    public static IServiceCollection AddMerchants(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(new HomeService.Merchants.StandingPolicy
        {
            Threshold = config.GetValue("HomeService:Merchants:CreditThreshold", 60),
            DaysBelowToWarn = config.GetValue("HomeService:Merchants:DaysBelowToWarn", 30),
            GraceDays = config.GetValue("HomeService:Merchants:GraceDays", 30),
        });
        // The key of the ID-number hash; production sets its own (a changed key makes earlier hashes unmatched, nothing worse).
        services.AddSingleton(new HomeService.Workers.IdNumberProtection(
            config.GetValue<string>("HomeService:PersonalData:HashKey") ?? "homeservice-local-id-number-key"));
        // Every field of the credit policy can be set under HomeService:Credit (RatingHalfLifeDays, PriorWeight, GlobalMean, …).
        services.AddSingleton(config.GetSection("HomeService:Credit").Get<HomeService.Credit.CreditPolicy>() ?? new HomeService.Credit.CreditPolicy());
        return services;
    }
}
