using HomeService.EventLog;

namespace HomeService.Merchants;

/// <summary>A merchant's admission, profile and standing as a fold of its events.</summary>
public sealed class Merchant : IAggregateState
{
    public const int DefaultCapacity = 20;

    public int Version { get; set; }
    public bool Exists { get; set; }
    public string MerchantId { get; set; } = "";
    public string Name { get; set; } = "";
    public string CreditCode { get; set; } = "";
    public string LegalPerson { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string Address { get; set; } = "";
    public string District { get; set; } = "";
    public List<string> Categories { get; set; } = [];
    public List<string> Districts { get; set; } = [];
    public List<QualificationDocument> Documents { get; set; } = [];
    public MerchantStatus Status { get; set; }
    public string? StatusReason { get; set; }
    public DateTimeOffset StatusSince { get; set; }
    public bool AwaitingExitConfirmation { get; set; }
    /// <summary>
    /// The list the merchant is on. A state saved before the red list became the honour list may hold Red here meaning the
    /// old suspension-by-list: <see cref="Honoured"/> says whether red is an honour, so such a Red counts as no list.
    /// </summary>
    public IndustryList? Listed { get; set; }
    public bool Honoured { get; set; }

    /// <summary>The list as it means now: red only as an honour, black as the ban.</summary>
    public IndustryList? List => Honoured ? IndustryList.Red : Listed == IndustryList.Black ? IndustryList.Black : null;
    public bool Banned => List == IndustryList.Black;
    public int CreditScore { get; set; } = 80;
    public DateTimeOffset? LowSince { get; set; }
    public int Capacity { get; set; } = DefaultCapacity;
    public string? BusinessHours { get; set; }

    public bool ReceivesOffers => Status is MerchantStatus.Active or MerchantStatus.Warned;

    public MerchantView View() => new(MerchantId, Name, CreditCode, LegalPerson, ContactName, ContactPhone, Address, District, Categories, Districts,
        Status, StatusReason, List, CreditScore, Capacity, AwaitingExitConfirmation, Version, BusinessHours);

    public void Apply(object e)
    {
        switch (e)
        {
            case MerchantAdmitted x:
                (Exists, MerchantId, Name, CreditCode, LegalPerson, ContactName, ContactPhone) = (true, x.Id, x.Name, x.CreditCode, x.LegalPerson, x.LegalPerson, x.Phone);
                (Address, District, Categories, Districts, CreditScore, Status) = (x.Address, x.District, x.Categories.ToList(), x.Districts.ToList(), x.CreditScore, MerchantStatus.Active);
                break;
            case MerchantApplied x:
                var a = x.Application;
                (Exists, Name, CreditCode, LegalPerson, ContactName, ContactPhone) = (true, a.Name, a.CreditCode, a.LegalPerson, a.ContactName, a.ContactPhone);
                (Address, District, Categories, Districts, Documents) = (a.Address, a.District, a.Categories.ToList(), a.Districts.ToList(), a.Documents.ToList());
                (Status, StatusSince, StatusReason) = (MerchantStatus.Applied, x.At, null);
                break;
            case MerchantStatusChanged x:
                (Status, StatusReason, StatusSince, AwaitingExitConfirmation) = (x.To, x.Reason, x.At, x.AwaitingExitConfirmation);
                break;
            case MerchantProfileEdited { Edit: var p }:
                (ContactName, ContactPhone, Address, Categories, Districts, BusinessHours, Capacity) =
                    (p.ContactName, p.ContactPhone, p.Address, p.Categories.ToList(), p.Districts.ToList(), p.BusinessHours, p.Capacity);
                break;
            case MerchantListed x:
                (Listed, Honoured) = (x.List == IndustryList.Black ? IndustryList.Black : null, false);
                break;
            case MerchantListChanged x:
                (Listed, Honoured) = (x.List, x.List == IndustryList.Red);
                break;
            case MerchantCreditObserved x:
                CreditScore = x.Score;
                LowSince = x.BelowThreshold ? LowSince ?? x.At : null; // since when it has stayed below
                break;
            default: throw new ArgumentException($"Unknown merchant event {e.GetType().Name}");
        }
    }
}
