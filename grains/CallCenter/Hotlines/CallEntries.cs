namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// The one code path of a call's way in, used by every offered call and by the "what happens if" tool: the dialled
/// number's entry, and while a closed number overflows to another of the center's numbers, that number's entry (its
/// own hours, IVR and routes). An overflow number the center does not have leaves the platform (transfer out); a chain
/// that comes back to a number already on it, or grows past <see cref="MaxOverflowHops"/>, ends as closed.
/// </summary>
public static class CallEntries
{
    public const int MaxOverflowHops = 3;

    public static async Task<RoutingPath> Follow(IGrainFactory grains, string dialled, string caller, string? ivrChoice, DateTimeOffset at)
    {
        var entries = new List<HotlineEntry>();
        var number = dialled;
        while (true)
        {
            var entry = await grains.GetGrain<IHotlineGrain>(number).Enter(caller, ivrChoice, at);
            if (entries.Count > 0 && !entry.Configured) return new RoutingPath(entries, RoutingPath.TransferOut);
            entries.Add(entry);
            if (entry.Outcome != EntryOutcomes.Overflow) return new RoutingPath(entries, entry.Outcome);
            var next = entry.OverflowTo!;
            if (entries.Count > MaxOverflowHops || entries.Any(e => e.Dialled == next)) return new RoutingPath(entries, EntryOutcomes.Closed);
            number = next;
        }
    }

    /// <summary>
    /// The queue a caller leaving the platform IVR goes to: an option's own queue, or for an agent (人工) or a callback the
    /// number's default route; the action's priority is added (VIP points are the call's own). Null for other actions.
    /// </summary>
    public static async Task<HotlineRoute?> IvrQueue(IGrainFactory grains, string number, IvrAction action)
    {
        switch (action.Kind)
        {
            case IvrActionKinds.Queue:
                return new HotlineRoute(action.Target!, action.Priority);
            case IvrActionKinds.Agent or IvrActionKinds.Callback:
                var route = await grains.GetGrain<IHotlineGrain>(number).Route(null);
                return route with { Priority = route.Priority + action.Priority };
            default:
                return null;
        }
    }
}
