using System.Collections.Concurrent;

namespace HomeService.Web.Auth;

/// <summary>
/// Slows password guessing: an account locks for a window after too many failures, and one address may only
/// try so often. Successful sign-ins don't count against the account. Kept per web host, in memory.
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, int failuresPerAccount, int attemptsPerAddress)
{
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AddressWindow = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new();

    /// <summary>Records an attempt from the address; false when the address or the account is over its limit.</summary>
    public bool TryBegin(string address, string login)
    {
        var now = clock.GetUtcNow();
        if (Count(_failures, Normalize(login), now, AccountWindow, add: false) >= failuresPerAccount) return false;
        return Count(_attempts, address, now, AddressWindow, add: true) <= attemptsPerAddress;
    }

    public void Failed(string login) => Count(_failures, Normalize(login), clock.GetUtcNow(), AccountWindow, add: true);

    public void Succeeded(string login) => _failures.TryRemove(Normalize(login), out _);

    private static string Normalize(string login) => login.Trim().ToLowerInvariant();

    private static int Count(ConcurrentDictionary<string, Queue<DateTimeOffset>> map, string key, DateTimeOffset now, TimeSpan window, bool add)
    {
        var q = map.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
        lock (q)
        {
            while (q.Count > 0 && now - q.Peek() >= window) q.Dequeue();
            if (add) q.Enqueue(now);
            return q.Count;
        }
    }
}
