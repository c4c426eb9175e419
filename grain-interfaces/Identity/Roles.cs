namespace HomeService.Identity;

/// <summary>The people and systems that use HomeService. Names are stored in user records; never rename one.</summary>
public static class Roles
{
    public const string Resident = "Resident";
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string MerchantAdmin = "MerchantAdmin";
    /// <summary>
    /// A merchant's dispatcher (商户调度员): runs the merchant desk's orders and workers, but not the company's profile, its
    /// credit and appeals, or its logins. Created by the merchant's administrator.
    /// </summary>
    public const string MerchantDispatcher = "MerchantDispatcher";
    public const string Worker = "Worker";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Resident, Agent, Supervisor, MerchantAdmin, MerchantDispatcher, Worker, Admin];
}

/// <summary>What an API key may call.</summary>
public static class ApiKeyKinds
{
    public const string Partner = "partner";
    public const string Telephony = "telephony";

    public static readonly IReadOnlyList<string> All = [Partner, Telephony];
}
