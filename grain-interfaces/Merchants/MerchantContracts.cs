namespace HomeService.Merchants;

/// <summary>
/// A merchant's admission state (准入与退出). Applied until an admin reviews; Rejected ends an application;
/// Active and Warned receive offers; Suspended and Exited receive none, and their history stays.
/// </summary>
public enum MerchantStatus { Applied, Rejected, Active, Warned, Suspended, Exited }

/// <summary>
/// The industry lists of Chinese credit practice: red (红名单) is the honour list, which raises a merchant in dispatch;
/// black (黑名单) bars it, which suspends it at once. A merchant is on one list at most. (A manual suspension, 暂停接单,
/// is not a list: see <see cref="IMerchantGrain.Suspend"/>.)
/// </summary>
public enum IndustryList { Red, Black }

[GenerateSerializer, Immutable, Alias("HomeService.Merchants.QualificationDocument")]
public sealed record QualificationDocument(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Name,
    [property: Id(2)] string? FileId = null,
    [property: Id(3)] DateOnly? ValidUntil = null);

/// <summary>What a company submits to join (加盟申请).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Merchants.MerchantApplication")]
public sealed record MerchantApplication(
    [property: Id(0)] string Name,
    [property: Id(1)] string CreditCode,
    [property: Id(2)] string LegalPerson,
    [property: Id(3)] string ContactName,
    [property: Id(4)] string ContactPhone,
    [property: Id(5)] string Address,
    [property: Id(6)] string District,
    [property: Id(7)] IReadOnlyList<string> Categories,
    [property: Id(8)] IReadOnlyList<string> Districts,
    [property: Id(9)] IReadOnlyList<QualificationDocument> Documents);

[GenerateSerializer, Immutable, Alias("HomeService.Merchants.MerchantView")]
public sealed record MerchantView(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Name,
    [property: Id(2)] string CreditCode,
    [property: Id(3)] string LegalPerson,
    [property: Id(4)] string ContactName,
    [property: Id(5)] string ContactPhone,
    [property: Id(6)] string Address,
    [property: Id(7)] string District,
    [property: Id(8)] IReadOnlyList<string> Categories,
    [property: Id(9)] IReadOnlyList<string> Districts,
    [property: Id(10)] MerchantStatus Status,
    [property: Id(11)] string? StatusReason,
    [property: Id(12)] IndustryList? Listed,
    [property: Id(13)] int CreditScore,
    [property: Id(14)] int Capacity,
    [property: Id(15)] bool AwaitingExitConfirmation,
    [property: Id(16)] long Version,
    [property: Id(17)] string? BusinessHours = null);

/// <summary>What a merchant changes about itself (商户信息管理). Name and credit code change only through the center.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Merchants.MerchantProfileEdit")]
public sealed record MerchantProfileEdit(
    [property: Id(0)] string ContactName,
    [property: Id(1)] string ContactPhone,
    [property: Id(2)] string Address,
    [property: Id(3)] IReadOnlyList<string> Categories,
    [property: Id(4)] IReadOnlyList<string> Districts,
    [property: Id(5)] string? BusinessHours,
    [property: Id(6)] int Capacity);

/// <summary>
/// One merchant, keyed by merchant id: admission, standing and the automatic exit rules. Every change is an event
/// with a reason and an actor, written with the merchant's read row, and dispatch hears of it at once.
/// </summary>
[Alias("HomeService.Merchants.IMerchantGrain")]
public interface IMerchantGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<MerchantView?> Get();

    /// <summary>Records an application already checked and given this id by the registry.</summary>
    [Alias("Apply")] Task<CommandResult<MerchantView>> Apply(MerchantApplication application, string actor);

    /// <summary>An admin approves (Active) or rejects (Rejected) an application, with a reason.</summary>
    [Alias("Review")] Task<CommandResult<MerchantView>> Review(bool approve, string reason, string actor);

    /// <summary>Puts the merchant on the red list (honour) or the black list (ban, suspended at once), or takes it off (null).</summary>
    [Alias("SetList")] Task<CommandResult<MerchantView>> SetList(IndustryList? list, string reason, string actor);

    /// <summary>An admin suspends an admitted merchant by hand (暂停接单), with a reason: it gets no offers until resumed.</summary>
    [Alias("Suspend")] Task<CommandResult<MerchantView>> Suspend(string reason, string actor);

    /// <summary>An admin ends a suspension: confirms the exit (Exited) or reinstates (Active).</summary>
    [Alias("DecideSuspension")] Task<CommandResult<MerchantView>> DecideSuspension(bool exit, string reason, string actor);

    /// <summary>The merchant edits its profile; dispatch and the agents' lookups see it at once.</summary>
    [Alias("EditProfile")] Task<CommandResult<MerchantView>> EditProfile(MerchantProfileEdit edit, string actor);

    /// <summary>The credit score moved (credit issue's scorer): the standing rules run on it.</summary>
    [Alias("CreditScored")] Task CreditScored(int score);
}

/// <summary>Takes applications: checks the credit code is not already a merchant's, gives the next merchant id.</summary>
[Alias("HomeService.Merchants.IMerchantRegistryGrain")]
public interface IMerchantRegistryGrain : IGrainWithIntegerKey
{
    [Alias("Apply")] Task<CommandResult<MerchantView>> Apply(MerchantApplication application, string actor);

    /// <summary>
    /// An application under an id the center already knows the company by (the demo seed, records brought over from an
    /// earlier system), checked like any other. The id is "M" and digits; one already taken is refused ("merchantId": "exists").
    /// </summary>
    [Alias("ApplyAs")] Task<CommandResult<MerchantView>> ApplyAs(string merchantId, MerchantApplication application, string actor);
}
