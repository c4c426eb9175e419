namespace HomeService.Members;

/// <summary>
/// How many verification codes one network address has asked for in the last hour. A number's own limit stops a flood
/// at one phone; this stops one script walking through many numbers (SMS bombing, and the center's SMS bill).
/// </summary>
public sealed class AddressQuota
{
    private readonly Queue<DateTimeOffset> _sends = new();

    /// <summary>Takes one send if the address is under its hourly limit; otherwise the wait until it may, and nothing is taken.</summary>
    public TimeSpan Take(DateTimeOffset now, int perHour)
    {
        while (_sends.Count > 0 && now - _sends.Peek() >= TimeSpan.FromHours(1)) _sends.Dequeue();
        if (_sends.Count >= perHour) return _sends.ElementAt(_sends.Count - perHour) + TimeSpan.FromHours(1) - now;
        _sends.Enqueue(now);
        return TimeSpan.Zero;
    }
}
