using System.Collections.Concurrent;

namespace HomeService.Web.Auth;

/// <summary>
/// Locks a login that names no account after too many failures, so guessing at missing logins costs what guessing at
/// real ones does (a real account's lockout is counted by its grain). Kept per web host, in memory. How often one
/// address may try at all is the sign-in door's business (<see cref="Doors.Door.SignIn"/>, ASP.NET Core's rate limiter).
/// </summary>
public sealed class LoginThrottle(TimeProvider clock, int failuresPerAccount)
{
    public static readonly TimeSpan AccountWindow = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    /// <summary>False while the login is locked.</summary>
    public bool TryBegin(string login) =>
        Count(_failures, Normalize(login), clock.GetUtcNow(), AccountWindow, add: false) < failuresPerAccount;

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
