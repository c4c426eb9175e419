namespace HomeService.Web;

/// <summary>Our own settings, under "HomeService:" (never "Orleans:", which Orleans reads itself).</summary>
public sealed record WebSettings(
    string ConnectionString,
    string ClusterId,
    string ServiceId,
    string? DataProtectionKeysPath,
    string? DashboardUrl,
    int LoginFailuresPerAccount)
{
    public static WebSettings From(IConfiguration config) => new(
        config.GetConnectionString("HomeService")
            ?? throw new InvalidOperationException("ConnectionStrings:HomeService is not set."),
        config["HomeService:Cluster:ClusterId"] ?? "homeservice",
        config["HomeService:Cluster:ServiceId"] ?? "homeservice",
        config["HomeService:DataProtection:KeysPath"],
        config["HomeService:Dashboard:Url"],
        config.GetValue("HomeService:Security:LoginFailuresPerAccount", 5));
}
