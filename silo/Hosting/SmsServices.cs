using HomeService.Sms;
using HomeService.Sms.Providers;
using Npgsql;

namespace HomeService.Silo.Hosting;

public static class SmsServices
{
    /// <summary>
    /// The SMS sender from "HomeService:Sms": the configured provider, then the failover one. Every silo runs a sender;
    /// they share the outbox through SKIP LOCKED claims.
    /// </summary>
    public static IServiceCollection AddSms(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("HomeService:Sms").Get<SmsOptions>() ?? new SmsOptions();
        services.AddSingleton(options);
        services.AddHttpClient("sms", c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IReadOnlyList<ISmsProvider>>(sp => options.Providers.Select(name => Provider(sp, options, name)).ToList());
        services.AddSingleton<SmsOutboxStore>();
        services.AddSingleton(new SmsComposer(options.SiteUrl));
        services.AddSingleton<SmsSender>();
        services.AddHostedService<SmsDispatchService>();
        services.AddSingleton<SmsStatusChaser>();
        services.AddHostedService<SmsStatusService>();
        return services;
    }

    private static ISmsProvider Provider(IServiceProvider sp, SmsOptions options, string name)
    {
        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("sms");
        var clock = sp.GetRequiredService<TimeProvider>();
        return name switch
        {
            "aliyun" => new AliyunSmsProvider(http, options.Aliyun, clock),
            "tencent" => new TencentSmsProvider(http, options.Tencent, clock),
            "development" => new DevelopmentSmsProvider(sp.GetRequiredService<NpgsqlDataSource>(), options.Development),
            _ => throw new InvalidOperationException($"HomeService:Sms: unknown provider '{name}' (aliyun, tencent or development)"),
        };
    }
}
