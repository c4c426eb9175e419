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
}
