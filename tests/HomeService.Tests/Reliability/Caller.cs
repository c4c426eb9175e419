namespace HomeService.Tests.Reliability;

/// <summary>Who sends a request: a demo login, an API key of a kind, or nobody.</summary>
public enum Caller
{
    Anonymous,
    Resident,
    Agent,
    Supervisor,
    Admin,
    Merchant1,
    Merchant2,
    Worker,
    PartnerKey,
    TelephonyKey,
}
