using System.Net;

namespace HomeService.Silo;

/// <summary>Our own settings, under "HomeService:" (never "Orleans:", which Orleans reads itself).</summary>
public sealed record SiloSettings(
    string ConnectionString,
    string ClusterId,
    string ServiceId,
    IPAddress Address,
    int SiloPort,
    int GatewayPort,
    bool FastFailureDetection,
    TimeSpan DefunctSiloExpiration,
    bool SeedDemoData,
    string DemoPassword,
    string? DataProtectionKeysPath,
    string WebLoginUrl)
{
    public static SiloSettings From(IConfiguration config) => new(
        config.GetConnectionString("HomeService")
            ?? throw new InvalidOperationException("ConnectionStrings:HomeService is not set."),
        config["HomeService:Cluster:ClusterId"] ?? "homeservice",
        config["HomeService:Cluster:ServiceId"] ?? "homeservice",
        IPAddress.Parse(config["HomeService:Silo:Address"] ?? "127.0.0.1"),
        config.GetValue("HomeService:Silo:SiloPort", 11111),
        config.GetValue("HomeService:Silo:GatewayPort", 30000),
        config.GetValue("HomeService:Cluster:FastFailureDetection", false),
        config.GetValue("HomeService:Cluster:DefunctSiloExpiration", TimeSpan.FromDays(7)),
        config.GetValue("HomeService:Seed:Demo", false),
        config["HomeService:Seed:DemoPassword"] ?? "Demo@2026",
        config["HomeService:DataProtection:KeysPath"],
        config["HomeService:Web:LoginUrl"] ?? "http://127.0.0.1:5080/login");
}
