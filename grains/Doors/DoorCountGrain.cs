namespace HomeService.Doors;

public sealed class DoorCountGrain(TimeProvider clock) : Grain, IDoorCountGrain
{
    private readonly AddressQuota _quota = new();

    public Task<int> Take(int permits, TimeSpan window)
    {
        // The count must outlive the window, or an idle collection would hand the address a fresh allowance early.
        DelayDeactivation(window);
        var wait = _quota.Take(clock.GetUtcNow(), permits, window);
        return Task.FromResult((int)Math.Ceiling(wait.TotalSeconds));
    }
}
