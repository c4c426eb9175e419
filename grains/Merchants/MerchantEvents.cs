namespace HomeService.Merchants;

/// <summary>A merchant admitted without an application (the demo seed, a migration): the payload the seed writes.</summary>
public sealed record MerchantAdmitted(string Id, string Name, string CreditCode, string LegalPerson, string Phone, string Address, string District,
    string[] Categories, string[] Districts, int CreditScore, string? CreditLevel = null);
public sealed record MerchantApplied(MerchantApplication Application, DateTimeOffset At);
public sealed record MerchantStatusChanged(MerchantStatus From, MerchantStatus To, string Reason, DateTimeOffset At, bool AwaitingExitConfirmation = false);
public sealed record MerchantListed(IndustryList? List, string Reason, DateTimeOffset At);
public sealed record MerchantCreditObserved(int Score, bool BelowThreshold, DateTimeOffset At);
public sealed record MerchantProfileEdited(MerchantProfileEdit Edit, DateTimeOffset At);
