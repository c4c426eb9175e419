using HomeService.Identity;
using Microsoft.AspNetCore.Authorization;

namespace HomeService.Web.Auth;

/// <summary>One policy per role (admins pass every staff policy), plus one per API key kind.</summary>
public static class Policies
{
    public const string Resident = Roles.Resident;
    public const string Agent = Roles.Agent;
    public const string Supervisor = Roles.Supervisor;
    public const string MerchantAdmin = Roles.MerchantAdmin;
    /// <summary>
    /// The merchant desk's day-to-day work: its orders (list, accept, refuse, assign, cancel, answer a complaint, the order
    /// report), its workers (list, add, edit, status, credentials, photo, code, deactivate) and its inbox. The merchant's
    /// administrator and its dispatchers. The company's profile, its credit and appeals, and its logins stay with
    /// <see cref="MerchantAdmin"/>.
    /// </summary>
    public const string MerchantDesk = "MerchantDesk";
    public const string Worker = Roles.Worker;
    public const string Admin = Roles.Admin;
    /// <summary>
    /// The supervisor seat's actions (monitor, whisper, barge, force release, forced agent state): the Supervisor role
    /// only. Unlike the staff policies an admin does not pass it: the issue gives these to supervisors, and an admin has
    /// no seat at the switch.
    /// </summary>
    public const string SupervisorSeat = "SupervisorSeat";
    /// <summary>Agents and the people who lead them.</summary>
    public const string CallCenter = "CallCenter";
    public const string Partner = "ApiKey:partner";
    public const string Telephony = "ApiKey:telephony";

    public static void Add(AuthorizationOptions o)
    {
        o.AddPolicy(Resident, p => p.RequireRole(Roles.Resident));
        o.AddPolicy(Agent, p => p.RequireRole(Roles.Agent, Roles.Admin));
        o.AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        o.AddPolicy(MerchantAdmin, p => p.RequireRole(Roles.MerchantAdmin));
        o.AddPolicy(MerchantDesk, p => p.RequireRole(Roles.MerchantAdmin, Roles.MerchantDispatcher));
        o.AddPolicy(Worker, p => p.RequireRole(Roles.Worker));
        o.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        o.AddPolicy(SupervisorSeat, p => p.RequireRole(Roles.Supervisor));
        o.AddPolicy(CallCenter, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin));
        o.AddPolicy(Partner, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireClaim(HomeServiceClaims.ApiKeyKind, ApiKeyKinds.Partner));
        o.AddPolicy(Telephony, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName)
            .RequireClaim(HomeServiceClaims.ApiKeyKind, ApiKeyKinds.Telephony));
    }

    /// <summary>The page each role lands on after signing in.</summary>
    public static string LandingPage(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "/admin"
        : user.IsInRole(Roles.Supervisor) ? "/supervisor"
        : user.IsInRole(Roles.Agent) ? "/console"
        : user.IsInRole(Roles.MerchantAdmin) || user.IsInRole(Roles.MerchantDispatcher) ? "/merchant"
        : user.IsInRole(Roles.Worker) ? "/worker"
        : user.IsInRole(Roles.Resident) ? "/member"
        : "/";
}
