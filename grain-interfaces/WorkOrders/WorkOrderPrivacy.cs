namespace HomeService.WorkOrders;

/// <summary>What of an order each party may see.</summary>
public static class WorkOrderPrivacy
{
    /// <summary>
    /// A merchant sees the resident's phone, name and full address only once the service order is theirs (accepted);
    /// complaints are mediated by the center, so the complainant's details stay masked.
    /// </summary>
    public static WorkOrderView ForMerchant(WorkOrderView view) =>
        view.Status == WorkOrderStatus.Offered || view.Kind == WorkOrderKind.Complaint
            ? view with { ContactPhone = PersonalData.MaskPhone(view.ContactPhone), Address = PersonalData.MaskAddress(view.Address), ContactName = null }
            : view;

    /// <summary>
    /// The resident sees their own order without the center's and the merchant's internals: no call, intake notes or
    /// agent, no dispatch attempts, no complaint handling inside the center; a merchant only once it has accepted (an
    /// offer it may still refuse is not the resident's business).
    /// </summary>
    public static WorkOrderView ForMember(WorkOrderView view) => view with
    {
        CallId = null,
        Notes = null,
        CreatedBy = null,
        OfferExpiresAt = null,
        OfferAttempts = 0,
        MerchantId = view.Status is WorkOrderStatus.Offered or WorkOrderStatus.PendingDispatch or WorkOrderStatus.ManualDispatch or WorkOrderStatus.Raw
            ? null : view.MerchantId,
        ResponsibleParty = null,
        ForwardedTo = null,
        Response = null,
        VerdictReason = null,
        RequiredSkills = null,
    };
}
