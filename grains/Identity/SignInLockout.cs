namespace HomeService.Identity;

/// <summary>
/// Wrong passwords of one account in a sliding window: once <c>limit</c> fall inside it the account is locked until the
/// oldest of them ages out. Kept in memory by the account's grain (a restart forgets at most one window).
/// </summary>
public sealed class SignInLockout
{
    private readonly Queue<DateTimeOffset> _failures = new();
    private TimeSpan _window = TimeSpan.FromMinutes(5);
    private int _limit = int.MaxValue;

    public SignInGate Failed(DateTimeOffset now, int limit, TimeSpan window)
    {
        _limit = Math.Max(1, limit);
        _window = window;
        Trim(now);
        _failures.Enqueue(now);
        return Gate(now);
    }

    public SignInGate Gate(DateTimeOffset now)
    {
        Trim(now);
        if (_failures.Count < _limit) return new SignInGate(null);
        // Locked until enough failures have aged out to leave fewer than the limit.
        return new SignInGate(_failures.ElementAt(_failures.Count - _limit) + _window);
    }

    public void Clear() => _failures.Clear();

    private void Trim(DateTimeOffset now)
    {
        while (_failures.Count > 0 && now - _failures.Peek() >= _window) _failures.Dequeue();
    }
}
