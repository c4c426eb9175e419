using Microsoft.AspNetCore.RateLimiting;

namespace HomeService.Web.Doors;

public static class DoorSetup
{
    /// <summary>One named rate-limiter policy per door; endpoints and pages join one with RequireRateLimiting / [EnableRateLimiting].</summary>
    public static IServiceCollection AddDoors(this IServiceCollection services, IConfiguration config)
    {
        var doors = Door.From(config).ToDictionary(d => d.Name);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Door.Callback, new DoorPolicy(doors[Door.Callback]));
            o.AddPolicy(Door.DocumentUpload, new DoorPolicy(doors[Door.DocumentUpload]));
            // The order page asks for a code with its "SendCode" handler; its other posts are orders, not code requests.
            o.AddPolicy(Door.CodeRequest, new DoorPolicy(doors[Door.CodeRequest],
                r => r.Path.StartsWithSegments("/api") || string.Equals(r.Query["handler"], "SendCode", StringComparison.OrdinalIgnoreCase)));
            o.AddPolicy(Door.SignIn, new DoorPolicy(doors[Door.SignIn]));
        });
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<DoorRefusalPageFilter>());
        return services;
    }
}
