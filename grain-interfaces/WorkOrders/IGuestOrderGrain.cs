namespace HomeService.WorkOrders;

/// <summary>
/// A guest's online order, keyed by its form token: the phone's SMS code is checked and the order made in one turn,
/// so the same form sent twice (a double click, a refresh) leads to the one order even though the code is single-use.
/// </summary>
[Alias("HomeService.WorkOrders.IGuestOrderGrain")]
public interface IGuestOrderGrain : IGrainWithStringKey
{
    /// <summary>The order this form made, or the code's problem ("code:wrong", "code:expired", "code:missing", "code:void") as a field error.</summary>
    [Alias("Place")] Task<CommandResult<WorkOrderView>> Place(NewServiceOrder order, string code);
}
