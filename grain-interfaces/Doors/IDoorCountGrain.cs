namespace HomeService.Doors;

/// <summary>
/// One anonymous door's count for one client address, keyed "{door}|{address}" (an IPv6 address by its /64): every
/// web host takes from this one allowance, so N web hosts behind a balancer do not give an address N times as many.
/// Kept in memory, like the code quota: a restart starts the count again, which lets at most one more window through.
/// </summary>
[Alias("HomeService.Doors.IDoorCountGrain")]
public interface IDoorCountGrain : IGrainWithStringKey
{
    /// <summary>Zero when one more use fits in the last <paramref name="window"/> (and it is counted); otherwise the seconds to wait.</summary>
    [Alias("Take")] Task<int> Take(int permits, TimeSpan window);
}
