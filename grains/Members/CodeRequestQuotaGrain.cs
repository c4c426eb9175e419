using HomeService.Doors;

namespace HomeService.Members;

/// <summary>
/// The hourly count of one address's code requests, across every web host. Kept in memory: after a restart the count
/// starts again, which lets at most one more hour's allowance through, while a stored counter would cost a write per code.
/// </summary>
public sealed class CodeRequestQuotaGrain(VerificationPolicy policy, TimeProvider clock) : Grain, ICodeRequestQuotaGrain
{
    private readonly AddressQuota _quota = new();

    public Task<int> Take()
    {
        var wait = _quota.Take(clock.GetUtcNow(), policy.MaxPerAddressPerHour, TimeSpan.FromHours(1));
        return Task.FromResult((int)Math.Ceiling(wait.TotalSeconds));
    }
}
