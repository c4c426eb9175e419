namespace HomeService.WorkOrders;

/// <summary>
/// Every legal move of every kind of order, in one table. Anything not listed is illegal and is refused naming
/// the current state. "Resume" returns to the state the order was held in, so the table lists it as OnHold.
/// </summary>
public static class WorkOrderTransitions
{
    private static readonly Dictionary<(WorkOrderKind, WorkOrderStatus, WorkOrderAction), WorkOrderStatus> Table = Build();

    public static WorkOrderStatus Initial(WorkOrderKind kind) =>
        kind is WorkOrderKind.Service or WorkOrderKind.Consultation ? WorkOrderStatus.Raw : WorkOrderStatus.Registered;

    /// <summary>The state after the action, or null when the action is not allowed in this state.</summary>
    public static WorkOrderStatus? Next(WorkOrderKind kind, WorkOrderStatus from, WorkOrderAction action) =>
        Table.TryGetValue((kind, from, action), out var to) ? to : null;

    public static IEnumerable<(WorkOrderKind Kind, WorkOrderStatus From, WorkOrderAction Action, WorkOrderStatus To)> All =>
        Table.Select(t => (t.Key.Item1, t.Key.Item2, t.Key.Item3, t.Value));

    /// <summary>The customer may cancel until the worker is at the door.</summary>
    public static bool BeforeCheckIn(WorkOrderStatus status) => status is WorkOrderStatus.Raw or WorkOrderStatus.PendingDispatch
        or WorkOrderStatus.Offered or WorkOrderStatus.ManualDispatch or WorkOrderStatus.Accepted or WorkOrderStatus.WorkerAssigned
        or WorkOrderStatus.EnRoute;

    private static Dictionary<(WorkOrderKind, WorkOrderStatus, WorkOrderAction), WorkOrderStatus> Build()
    {
        var t = new Dictionary<(WorkOrderKind, WorkOrderStatus, WorkOrderAction), WorkOrderStatus>();
        void Add(WorkOrderKind kind, WorkOrderStatus from, WorkOrderAction action, WorkOrderStatus to) => t.Add((kind, from, action), to);

        const WorkOrderKind S = WorkOrderKind.Service;
        Add(S, WorkOrderStatus.Raw, WorkOrderAction.Classify, WorkOrderStatus.PendingDispatch);
        Add(S, WorkOrderStatus.PendingDispatch, WorkOrderAction.Offer, WorkOrderStatus.Offered);
        Add(S, WorkOrderStatus.PendingDispatch, WorkOrderAction.DispatchManually, WorkOrderStatus.Offered);
        Add(S, WorkOrderStatus.PendingDispatch, WorkOrderAction.ExhaustOffers, WorkOrderStatus.ManualDispatch);
        Add(S, WorkOrderStatus.Offered, WorkOrderAction.Accept, WorkOrderStatus.Accepted);
        Add(S, WorkOrderStatus.Offered, WorkOrderAction.RefuseOffer, WorkOrderStatus.PendingDispatch);
        Add(S, WorkOrderStatus.Offered, WorkOrderAction.TimeOutOffer, WorkOrderStatus.PendingDispatch);
        Add(S, WorkOrderStatus.ManualDispatch, WorkOrderAction.DispatchManually, WorkOrderStatus.Offered);
        Add(S, WorkOrderStatus.Accepted, WorkOrderAction.AssignWorker, WorkOrderStatus.WorkerAssigned);
        Add(S, WorkOrderStatus.WorkerAssigned, WorkOrderAction.AssignWorker, WorkOrderStatus.WorkerAssigned);
        Add(S, WorkOrderStatus.WorkerAssigned, WorkOrderAction.StartTrip, WorkOrderStatus.EnRoute);
        Add(S, WorkOrderStatus.WorkerAssigned, WorkOrderAction.CheckIn, WorkOrderStatus.InService);
        Add(S, WorkOrderStatus.EnRoute, WorkOrderAction.CheckIn, WorkOrderStatus.InService);
        Add(S, WorkOrderStatus.InService, WorkOrderAction.CheckOut, WorkOrderStatus.Completed);
        Add(S, WorkOrderStatus.Completed, WorkOrderAction.FollowUpFallsDue, WorkOrderStatus.FollowUpDue);
        Add(S, WorkOrderStatus.FollowUpDue, WorkOrderAction.RecordFollowUp, WorkOrderStatus.FollowedUp);
        Add(S, WorkOrderStatus.FollowedUp, WorkOrderAction.Close, WorkOrderStatus.Closed);
        Add(S, WorkOrderStatus.CannotComplete, WorkOrderAction.Close, WorkOrderStatus.Closed);
        foreach (var from in new[] { WorkOrderStatus.Accepted, WorkOrderStatus.WorkerAssigned, WorkOrderStatus.EnRoute })
            Add(S, from, WorkOrderAction.MerchantCancel, WorkOrderStatus.PendingDispatch);
        foreach (var from in new[] { WorkOrderStatus.Raw, WorkOrderStatus.PendingDispatch, WorkOrderStatus.Offered, WorkOrderStatus.ManualDispatch,
                     WorkOrderStatus.Accepted, WorkOrderStatus.WorkerAssigned, WorkOrderStatus.EnRoute })
        {
            Add(S, from, WorkOrderAction.CustomerCancel, WorkOrderStatus.Cancelled);
            Add(S, from, WorkOrderAction.Reschedule, from);
        }
        foreach (var from in new[] { WorkOrderStatus.PendingDispatch, WorkOrderStatus.ManualDispatch, WorkOrderStatus.Accepted, WorkOrderStatus.WorkerAssigned })
            Add(S, from, WorkOrderAction.Hold, WorkOrderStatus.OnHold);
        Add(S, WorkOrderStatus.OnHold, WorkOrderAction.Resume, WorkOrderStatus.OnHold);
        Add(S, WorkOrderStatus.OnHold, WorkOrderAction.CustomerCancel, WorkOrderStatus.Cancelled);
        foreach (var from in new[] { WorkOrderStatus.Accepted, WorkOrderStatus.WorkerAssigned, WorkOrderStatus.EnRoute, WorkOrderStatus.InService })
            Add(S, from, WorkOrderAction.CannotComplete, WorkOrderStatus.CannotComplete);

        const WorkOrderKind C = WorkOrderKind.Consultation;
        Add(C, WorkOrderStatus.Raw, WorkOrderAction.AnswerDirectly, WorkOrderStatus.Closed);
        Add(C, WorkOrderStatus.Raw, WorkOrderAction.Forward, WorkOrderStatus.Forwarded);
        Add(C, WorkOrderStatus.Forwarded, WorkOrderAction.Reply, WorkOrderStatus.Replied);
        Add(C, WorkOrderStatus.Replied, WorkOrderAction.SendReply, WorkOrderStatus.Closed);

        const WorkOrderKind K = WorkOrderKind.Complaint;
        Add(K, WorkOrderStatus.Registered, WorkOrderAction.Assign, WorkOrderStatus.Assigned);
        Add(K, WorkOrderStatus.Assigned, WorkOrderAction.Assign, WorkOrderStatus.Assigned);
        Add(K, WorkOrderStatus.Assigned, WorkOrderAction.Respond, WorkOrderStatus.Responded);
        Add(K, WorkOrderStatus.Responded, WorkOrderAction.GiveVerdict, WorkOrderStatus.VerdictGiven);
        Add(K, WorkOrderStatus.VerdictGiven, WorkOrderAction.RecordFollowUp, WorkOrderStatus.FollowedUp);
        Add(K, WorkOrderStatus.VerdictGiven, WorkOrderAction.Reopen, WorkOrderStatus.Assigned);
        Add(K, WorkOrderStatus.FollowedUp, WorkOrderAction.Close, WorkOrderStatus.Closed);

        const WorkOrderKind G = WorkOrderKind.Suggestion;
        Add(G, WorkOrderStatus.Registered, WorkOrderAction.Forward, WorkOrderStatus.Forwarded);
        Add(G, WorkOrderStatus.Forwarded, WorkOrderAction.Respond, WorkOrderStatus.Responded);
        Add(G, WorkOrderStatus.Responded, WorkOrderAction.SendReply, WorkOrderStatus.Replied);
        Add(G, WorkOrderStatus.Replied, WorkOrderAction.Close, WorkOrderStatus.Closed);
        return t;
    }
}
