namespace HomeService.Audit;

/// <summary>
/// One line of the audit log (操作日志): who did what to which thing, with the values before and after as JSON
/// (null where there was nothing before, or nothing after). The client's address travels in the request context.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.Audit.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] string Actor,
    [property: Id(1)] string Action,
    [property: Id(2)] string TargetKind,
    [property: Id(3)] string TargetId,
    [property: Id(4)] string? Before = null,
    [property: Id(5)] string? After = null);

/// <summary>
/// The client address of the request a command came from. The web host sets it once per request; Orleans carries it
/// with every grain call the request makes, so commands keep their signatures and the audit row still says where.
/// </summary>
public static class AuditOrigin
{
    private const string AddressKey = "hs.client-address";

    public static void SetAddress(string? address)
    {
        if (string.IsNullOrEmpty(address)) RequestContext.Remove(AddressKey);
        else RequestContext.Set(AddressKey, address);
    }

    public static string? Address => RequestContext.Get(AddressKey) as string;
}

/// <summary>Writes audit lines that belong to no aggregate's event, such as a sign-in (one per silo, never blocks a caller for long).</summary>
[Alias("HomeService.Audit.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    [Alias("Record")] Task Record(AuditEntry entry);
}
