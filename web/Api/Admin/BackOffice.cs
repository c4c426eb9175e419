using HomeService.Web.Data.Admin;

namespace HomeService.Web.Api.Admin;

/// <summary>The back office (系统管理) in one place: its readers, commands and API groups.</summary>
public static class BackOffice
{
    public static IServiceCollection AddBackOffice(this IServiceCollection services)
    {
        services.AddSingleton<AccountReader>();
        services.AddSingleton<AuditLogReader>();
        services.AddScoped<AccountCommands>();
        services.AddSingleton<KeyReader>();
        services.AddScoped<KeyCommands>();
        services.AddScoped<OwnPassword>();
        services.AddSingleton<HotlineReader>();
        services.AddScoped<HotlineCommands>();
        services.AddSingleton<TeamReader>();
        services.AddSingleton<IvrFlowReader>();
        services.AddSingleton<SmsDevInboxReader>();
        services.AddSingleton<Sms.SmsCallbackStore>();
        services.AddSingleton<SmsLogReader>();
        services.AddSingleton<Sms.SmsDeadLetters>();
        services.AddSingleton<GroupNoticeReader>();
        // The city's places in this host's memory, kept current by a background poll of the places grain.
        services.AddSingleton<Data.LivePlaces>();
        services.AddHostedService(sp => sp.GetRequiredService<Data.LivePlaces>());
        return services;
    }

    public static RouteGroupBuilder MapBackOffice(this RouteGroupBuilder api)
    {
        api.MapAccountEndpoints();
        api.MapAuditEndpoints();
        api.MapCallCenterConfigEndpoints();
        api.MapTeamEndpoints();
        api.MapDepartmentEndpoints();
        api.MapSettingsEndpoints();
        api.MapKeyEndpoints();
        api.MapHotlineEndpoints();
        api.MapBlacklistEndpoints();
        api.MapCatalogueAdminEndpoints();
        api.MapPlacesEndpoints();
        api.MapSmsEndpoints();
        api.MapGroupNoticeEndpoints();
        api.MapSmsTemplateEndpoints();
        return api;
    }
}
