namespace HomeService.Merchants;

/// <summary>A merchant admitted without an application (the demo seed, a migration): the payload the seed writes.</summary>
public sealed record MerchantAdmitted(string Id, string Name, string CreditCode, string LegalPerson, string Phone, string Address, string District,
    string[] Categories, string[] Districts, int CreditScore, string? CreditLevel = null);
public sealed record MerchantApplied(MerchantApplication Application, DateTimeOffset At);
public sealed record MerchantStatusChanged(MerchantStatus From, MerchantStatus To, string Reason, DateTimeOffset At, bool AwaitingExitConfirmation = false);
/// <summary>
/// Written before the red list became the honour list: then red suspended the merchant like black (the suspension is its own
/// MerchantStatusChanged event, so it stands). Folded now as: black is the ban, red leaves no list behind.
/// </summary>
public sealed record MerchantListed(IndustryList? List, string Reason, DateTimeOffset At);
/// <summary>A list change since red became the honour list: red honours, black bans, null takes the merchant off its list.</summary>
public sealed record MerchantListChanged(IndustryList? List, string Reason, DateTimeOffset At);
public sealed record MerchantCreditObserved(int Score, bool BelowThreshold, DateTimeOffset At);
public sealed record MerchantProfileEdited(MerchantProfileEdit Edit, DateTimeOffset At);
