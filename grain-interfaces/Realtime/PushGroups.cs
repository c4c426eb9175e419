namespace HomeService.Realtime;

/// <summary>Names of the SignalR groups that grains address; web hosts put connections into them.</summary>
public static class PushGroups
{
    public const string Supervisors = "supervisors";
    public const string Agents = "agents";
    /// <summary>Platform admins: the back office's live lists (new merchant applications, merchants' changes).</summary>
    public const string Admins = "admins";

    public static string Agent(string agentId) => $"agent:{agentId}";
    public static string Merchant(string merchantId) => $"merchant:{merchantId}";
    public static string Member(string memberId) => $"member:{memberId}";
    public static string Worker(string workerId) => $"worker:{workerId}";
}
