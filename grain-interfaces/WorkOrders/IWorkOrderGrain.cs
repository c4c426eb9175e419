namespace HomeService.WorkOrders;

/// <summary>One work order, keyed by its order number (WO20261126000123).</summary>
[Alias("HomeService.WorkOrders.IWorkOrderGrain")]
public interface IWorkOrderGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<WorkOrderView?> Get();
    [Alias("CreateService")] Task<CommandResult<WorkOrderView>> CreateService(NewServiceOrder order);
    [Alias("CreateComplaint")] Task<CommandResult<WorkOrderView>> CreateComplaint(NewComplaint complaint);
    [Alias("RecordFollowUp")] Task<CommandResult<WorkOrderView>> RecordFollowUp(FollowUpOutcome outcome);
    [Alias("CreateInquiry")] Task<CommandResult<WorkOrderView>> CreateInquiry(NewInquiry inquiry);

    // Complaints (投诉), consultations (咨询) and suggestions (建议)
    [Alias("AssignComplaint")] Task<CommandResult<WorkOrderView>> AssignComplaint(string party, string actor);
    [Alias("Respond")] Task<CommandResult<WorkOrderView>> Respond(string text, string by);
    [Alias("GiveVerdict")] Task<CommandResult<WorkOrderView>> GiveVerdict(bool upheld, string reason, string actor);
    [Alias("FollowUpComplainant")] Task<CommandResult<WorkOrderView>> FollowUpComplainant(bool satisfied, string? comment, string actor);
    [Alias("AnswerDirectly")] Task<CommandResult<WorkOrderView>> AnswerDirectly(string text, string actor);
    [Alias("Forward")] Task<CommandResult<WorkOrderView>> Forward(string to, string actor);
    [Alias("DraftReply")] Task<CommandResult<WorkOrderView>> DraftReply(string text, string by);
    [Alias("SendReply")] Task<CommandResult<WorkOrderView>> SendReply(string channel, string actor);

    /// <summary>Wakes the order to check its deadlines and dispatch again if it should be moving (the sweeper's call).</summary>
    [Alias("Poke")] Task Poke();

    // Merchant portal
    [Alias("Accept")] Task<CommandResult<WorkOrderView>> Accept(string merchantId);
    [Alias("Refuse")] Task<CommandResult<WorkOrderView>> Refuse(string merchantId, string reason);
    [Alias("AssignWorker")] Task<CommandResult<WorkOrderView>> AssignWorker(string merchantId, string workerId);
    [Alias("MerchantCancel")] Task<CommandResult<WorkOrderView>> MerchantCancel(string merchantId, string reason);

    // Worker page
    [Alias("StartTrip")] Task<CommandResult<WorkOrderView>> StartTrip(string workerId);
    /// <summary>ConfirmedEarly: the worker was told they are early beyond the center's allowance and checks in anyway.</summary>
    [Alias("CheckIn")] Task<CommandResult<WorkOrderView>> CheckIn(string workerId, bool confirmedEarly = false);
    [Alias("CheckOut")] Task<CommandResult<WorkOrderView>> CheckOut(string workerId, CheckOutSummary? summary = null);

    // Agents and customers
    [Alias("DispatchManually")] Task<CommandResult<WorkOrderView>> DispatchManually(string merchantId, string reason, string actor);
    /// <summary>Every merchant a dispatcher could give the order to by hand, eligible ones first, each other one with the rule it breaks.</summary>
    [Alias("ManualDispatchChoices")] Task<IReadOnlyList<ManualDispatchChoice>> ManualDispatchChoices();
    [Alias("CustomerCancel")] Task<CommandResult<WorkOrderView>> CustomerCancel(string reason, string actor);
    [Alias("Hold")] Task<CommandResult<WorkOrderView>> Hold(string reason, string actor);
    [Alias("Resume")] Task<CommandResult<WorkOrderView>> Resume(string actor);
    [Alias("Reschedule")] Task<CommandResult<WorkOrderView>> Reschedule(DateTimeOffset windowStart, DateTimeOffset windowEnd, string actor);
    /// <summary>WorkerId: the worker saying so from the job (only their own job), or null for the center.</summary>
    [Alias("CannotComplete")] Task<CommandResult<WorkOrderView>> CannotComplete(string reason, string actor, string? workerId);
    [Alias("Close")] Task<CommandResult<WorkOrderView>> Close(string actor);
}

/// <summary>Finds orders that should be moving but have not moved (a crash between two steps) and pokes them. Key 0.</summary>
[Alias("HomeService.WorkOrders.IDispatchSweeperGrain")]
public interface IDispatchSweeperGrain : IGrainWithIntegerKey
{
    [Alias("Start")] Task Start();
}

/// <summary>Takes new orders in: validates them and gives them their numbers (stateless, one per silo).</summary>
[Alias("HomeService.WorkOrders.IOrderIntakeGrain")]
public interface IOrderIntakeGrain : IGrainWithIntegerKey
{
    [Alias("CreateService")] Task<CommandResult<WorkOrderView>> CreateService(NewServiceOrder order);
    /// <summary>
    /// A service order made once per (source, key): a partner's key id, or an agent's account. The same idempotency key
    /// always leads to the same order, even after a crash mid-way.
    /// </summary>
    [Alias("CreatePartnerService")] Task<CommandResult<WorkOrderView>> CreateServiceOnce(NewServiceOrder order, string source, string idempotencyKey);
    [Alias("CreateComplaint")] Task<CommandResult<WorkOrderView>> CreateComplaint(NewComplaint complaint);
    [Alias("CreateInquiry")] Task<CommandResult<WorkOrderView>> CreateInquiry(NewInquiry inquiry);
    /// <summary>A complaint or an inquiry from the website: the same form token always leads to the same order.</summary>
    [Alias("CreateComplaintOnce")] Task<CommandResult<WorkOrderView>> CreateComplaintOnce(NewComplaint complaint, string source, string idempotencyKey);
    [Alias("CreateInquiryOnce")] Task<CommandResult<WorkOrderView>> CreateInquiryOnce(NewInquiry inquiry, string source, string idempotencyKey);
    /// <summary>The order a (source, key) already made, or null.</summary>
    [Alias("Receipt")] Task<string?> Receipt(string source, string idempotencyKey);
}

/// <summary>
/// A merchant as a manual dispatch choice. Eligible: dispatch's rules would offer it the order (Score is its ranking).
/// Otherwise Why says which rule it breaks (status:Suspended, category:x, district:y, at-capacity:3/3), and Allowed
/// whether a dispatcher may still choose it (active merchants only), with a reason that is audited.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.ManualDispatchChoice")]
public sealed record ManualDispatchChoice(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] bool Eligible,
    [property: Id(2)] bool Allowed,
    [property: Id(3)] double? Score,
    [property: Id(4)] string? Why,
    [property: Id(5)] bool SameCategory,
    [property: Id(6)] bool Honoured = false);

/// <summary>A merchant as dispatch knows it (key 0 holds them all); the merchant issue will replace this with MerchantGrain.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.WorkOrders.DispatchMerchant")]
public sealed record DispatchMerchant(
    [property: Id(0)] string MerchantId,
    [property: Id(1)] string Status,
    [property: Id(2)] IReadOnlyList<string> Categories,
    [property: Id(3)] IReadOnlyList<string> Districts,
    [property: Id(4)] int CreditScore,
    [property: Id(5)] int OpenOrders,
    [property: Id(6)] int Capacity,
    [property: Id(7)] int OffersAccepted = 0,
    [property: Id(8)] int OffersAnswered = 0,
    [property: Id(9)] bool Honoured = false);

[Alias("HomeService.WorkOrders.IDispatchDirectoryGrain")]
public interface IDispatchDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("GetMerchants")] Task<IReadOnlyList<DispatchMerchant>> GetMerchants();
    [Alias("LoadChanged"), Orleans.Concurrency.OneWay] Task LoadChanged(string merchantId, int delta);
    /// <summary>An offer was accepted, refused or timed out: the merchant's acceptance rate moves.</summary>
    [Alias("OfferAnswered"), Orleans.Concurrency.OneWay] Task OfferAnswered(string merchantId, bool accepted);
    /// <summary>A merchant was admitted, suspended, reinstated, re-scored or put on or off the honour list: the next ranking sees it.</summary>
    [Alias("MerchantChanged")] Task MerchantChanged(string merchantId, string status, IReadOnlyList<string> categories, IReadOnlyList<string> districts,
        int creditScore, int capacity, bool honoured = false);
}
