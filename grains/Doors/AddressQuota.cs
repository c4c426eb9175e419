namespace HomeService.Doors;

/// <summary>
/// How many times one network address went through a door in the last window (a sliding log, at most the allowance
/// long). Used for verification codes per address (a number's own limit stops a flood at one phone; this stops one
/// script walking through many numbers) and for every anonymous door's count across web hosts.
/// </summary>
public sealed class AddressQuota
{
    private readonly Queue<DateTimeOffset> _uses = new();

    /// <summary>Takes one use if the address is under its allowance; otherwise the wait until it may, and nothing is taken.</summary>
    public TimeSpan Take(DateTimeOffset now, int permits, TimeSpan window)
    {
        while (_uses.Count > 0 && now - _uses.Peek() >= window) _uses.Dequeue();
        if (_uses.Count >= permits) return _uses.ElementAt(_uses.Count - permits) + window - now;
        _uses.Enqueue(now);
        return TimeSpan.Zero;
    }
}
