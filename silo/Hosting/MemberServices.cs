namespace HomeService.Silo.Hosting;

public static class MemberServices
{
    /// <summary>The member center's rules from "HomeService:Members": verification code lifetime and rate limits.</summary>
    public static IServiceCollection AddMembers(this IServiceCollection services, IConfiguration config)
    {
        var defaults = new HomeService.Members.VerificationPolicy();
        services.AddSingleton(new HomeService.Members.VerificationPolicy
        {
            CodeLifetime = config.GetValue("HomeService:Members:CodeLifetime", defaults.CodeLifetime),
            MinInterval = config.GetValue("HomeService:Members:CodeMinInterval", defaults.MinInterval),
            MaxPerHour = config.GetValue("HomeService:Members:CodesPerHour", defaults.MaxPerHour),
            MaxPerAddressPerHour = config.GetValue("HomeService:Members:CodesPerAddressPerHour", defaults.MaxPerAddressPerHour),
            MaxWrongTries = config.GetValue("HomeService:Members:CodeWrongTries", defaults.MaxWrongTries),
        });
        return services;
    }
}
