namespace HomeService.WorkOrders;

/// <summary>The center's four kinds of work order (服务类, 咨询类, 投诉类, 建议类).</summary>
[GenerateSerializer, Alias("HomeService.WorkOrders.WorkOrderKind")]
public enum WorkOrderKind
{
    Service = 0,
    Consultation = 1,
    Complaint = 2,
    Suggestion = 3,
}

/// <summary>Where an order stands. Service orders use the first group; the other kinds the second.</summary>
[GenerateSerializer, Alias("HomeService.WorkOrders.WorkOrderStatus")]
public enum WorkOrderStatus
{
    // Service (服务类)
    Raw = 0,
    PendingDispatch = 1,
    Offered = 2,
    ManualDispatch = 3,
    Accepted = 4,
    WorkerAssigned = 5,
    EnRoute = 6,
    InService = 7,
    Completed = 8,
    FollowUpDue = 9,
    FollowedUp = 10,
    Closed = 11,
    Cancelled = 12,
    CannotComplete = 13,
    OnHold = 14,

    // Consultation, complaint and suggestion
    Registered = 20,
    Forwarded = 21,
    Assigned = 22,
    Responded = 23,
    VerdictGiven = 24,
    Replied = 25,
}

/// <summary>What can be done to an order; whether it may be done now is decided by the transition table.</summary>
[GenerateSerializer, Alias("HomeService.WorkOrders.WorkOrderAction")]
public enum WorkOrderAction
{
    Classify, Offer, RefuseOffer, TimeOutOffer, ExhaustOffers, DispatchManually, Accept, MerchantCancel, AssignWorker,
    StartTrip, CheckIn, CheckOut, FollowUpFallsDue, RecordFollowUp, Close, CustomerCancel, Reschedule, Hold, Resume,
    CannotComplete, AnswerDirectly, Forward, Reply, SendReply, Assign, Respond, GiveVerdict, Reopen,
}
