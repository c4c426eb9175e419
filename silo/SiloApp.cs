using HomeService.EventLog;
using HomeService.Identity;
using HomeService.Silo.Database;
using HomeService.Silo.Hosting;
using HomeService.Silo.Seeding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Dashboard;

namespace HomeService.Silo;

/// <summary>Builds the Orleans host. Tests call <see cref="Build"/> too, so they run exactly what production runs.</summary>
public static class SiloApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, string? contentRoot = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot, ApplicationName = typeof(SiloApp).Assembly.GetName().Name });
        configure?.Invoke(builder);
        var settings = SiloSettings.From(builder.Configuration);

        builder.Services.AddSingleton(settings);
        // A test host may put its own clock in first (configure runs above); production keeps the system's.
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(_ => AppDataSource.Create(settings.ConnectionString));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<SchemaMigrationService>(); // before UseOrleans: providers need the schema
        builder.Services.AddSingleton<GroupCommitEventLog>();
        // Committed call and agent events also go, one-way, to the live KPI grain (no polling of the log).
        builder.Services.AddSingleton<IEventLog>(sp => ActivatorUtilities.CreateInstance<HomeService.CallCenter.Kpis.KpiTapEventLog>(
            sp, sp.GetRequiredService<GroupCommitEventLog>()));
        builder.Services.AddCallCenter(builder.Configuration);
        builder.Services.AddWorkOrders(builder.Configuration);
        builder.Services.AddSingleton(new HomeService.Diagnostics.BenchDiagnostics(builder.Configuration.GetValue("HomeService:Diagnostics:BenchGrains", false)));
        builder.Services.AddMerchants(builder.Configuration);
        builder.Services.AddMembers(builder.Configuration);
        builder.Services.AddSms(builder.Configuration);
        builder.Services.AddAccounts(builder.Configuration);
        builder.Services.AddSingleton(new ApiKeyOptions
        {
            LastUsedWriteEvery = builder.Configuration.GetValue("HomeService:ApiKeys:LastUsedWriteEvery", TimeSpan.FromMinutes(1)),
        });

        builder.UseOrleans(silo => silo.AddHomeServiceSilo(settings));
        builder.Services.AddHostedService<DemoSeeder>(); // after UseOrleans: these call grains
        builder.Services.AddHostedService<SweeperStartup>();
        builder.Services.AddSingleton(sp => SystemSettingsApplier.FromOptions(
            sp.GetRequiredService<HomeService.WorkOrders.WorkOrderOptions>(), sp.GetRequiredService<HomeService.Merchants.StandingPolicy>()));
        builder.Services.AddHostedService<SystemSettingsApplier>();
        builder.Services.AddSingleton(HomeService.WorkOrders.WebhookTargetRule.Parse(ListSetting(builder.Configuration, HomeService.WorkOrders.WebhookTargetRule.Setting)));
        builder.Services.AddHttpClient("webhooks", c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookConnections.Handler(sp.GetRequiredService<HomeService.WorkOrders.WebhookTargetRule>()));
        builder.Services.AddHostedService<WebhookDispatcher>();
        builder.Services.AddSingleton(UploadOptions.From(builder.Configuration));
        builder.Services.AddHostedService<UnclaimedUploadSweeper>();

        builder.Services.AddSharedSignIn(settings.DataProtectionKeysPath, settings.WebLoginUrl);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<MembershipHealthCheck>("cluster", tags: ["ready"]);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        // Supervisors are the dashboard's named users (DESIGN.md), admins too. Every one of its endpoints only reads
        // (GET: cluster, silo and grain statistics, reminders, the live log), so none is kept back for admins alone.
        app.MapOrleansDashboard("/dashboard").RequireAuthorization(policy => policy.RequireRole(Roles.Supervisor, Roles.Admin));
        return app;
    }

    /// <summary>A list setting: "Key:0", ":1", … or one comma-separated "Key".</summary>
    private static IEnumerable<string> ListSetting(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        return section.Value is { } list ? list.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
    }
}
