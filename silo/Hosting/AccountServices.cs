namespace HomeService.Silo.Hosting;

public static class AccountServices
{
    /// <summary>Accounts' rules from "HomeService:Accounts": how long a set-password link sent by SMS stays good.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration config)
    {
        var defaults = new HomeService.Identity.AccountSetupPolicy();
        services.AddSingleton(new HomeService.Identity.AccountSetupPolicy
        {
            LinkLifetime = config.GetValue("HomeService:Accounts:SetupLinkLifetime", defaults.LinkLifetime),
        });
        return services;
    }
}
