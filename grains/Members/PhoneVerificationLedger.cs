using System.Security.Cryptography;
using System.Text;
using HomeService.EventLog;

namespace HomeService.Members;

/// <summary>One live code of a purpose. Hash and Salt are set by the grain after the send is recorded; they are never in an event.</summary>
public sealed class PendingCode
{
    public DateTimeOffset ExpiresAt { get; set; }
    public int WrongTries { get; set; }
    public byte[]? Salt { get; set; }
    public byte[]? Hash { get; set; }
}

/// <summary>
/// A number's verification codes as a fold of their events, with the rules: the send rate limit (one a minute, five an
/// hour), expiry, single use and the wrong-try limit. Plain and clock-free: callers pass the time.
/// </summary>
public sealed class PhoneVerificationLedger : IAggregateState
{
    public int Version { get; set; }

    /// <summary>When codes were sent in the last hour (older ones are dropped as new ones come).</summary>
    public List<DateTimeOffset> Sends { get; set; } = [];

    public Dictionary<string, PendingCode> Codes { get; set; } = new();

    public void Apply(object e)
    {
        switch (e)
        {
            case VerificationCodeSent sent:
                Sends.RemoveAll(at => sent.At - at >= TimeSpan.FromHours(1));
                Sends.Add(sent.At);
                Codes[sent.Purpose] = new PendingCode { ExpiresAt = sent.ExpiresAt };
                break;
            case VerificationCodeRejected rejected:
                if (Codes.TryGetValue(rejected.Purpose, out var code)) code.WrongTries++;
                break;
            case VerificationCodeAccepted accepted:
                Codes.Remove(accepted.Purpose);
                break;
            default:
                throw new ArgumentException($"Unknown verification event {e.GetType().Name}");
        }
    }

    /// <summary>How long the number must wait before another code may be sent; zero when it may be sent now.</summary>
    public TimeSpan WaitBeforeSending(DateTimeOffset now, VerificationPolicy policy)
    {
        var wait = TimeSpan.Zero;
        if (Sends.Count > 0 && Sends[^1] + policy.MinInterval - now is var sinceLast && sinceLast > wait) wait = sinceLast;
        var lastHour = Sends.Where(at => now - at < TimeSpan.FromHours(1)).Order().ToList();
        if (lastHour.Count >= policy.MaxPerHour && lastHour[lastHour.Count - policy.MaxPerHour] + TimeSpan.FromHours(1) - now is var hourly && hourly > wait)
            wait = hourly;
        return wait;
    }

    /// <summary>What a code would be judged now; the grain records the judgement (a wrong try, a use) as an event.</summary>
    public VerificationOutcome Check(string purpose, string code, DateTimeOffset now, VerificationPolicy policy)
    {
        if (!Codes.TryGetValue(purpose, out var pending) || pending.Hash is null || pending.Salt is null) return VerificationOutcome.Missing;
        if (pending.WrongTries >= policy.MaxWrongTries) return VerificationOutcome.TooManyTries;
        if (now >= pending.ExpiresAt) return VerificationOutcome.Expired;
        return CryptographicOperations.FixedTimeEquals(Hash(code, pending.Salt), pending.Hash) ? VerificationOutcome.Accepted : VerificationOutcome.Wrong;
    }

    /// <summary>Keeps the hash of a code just sent (after its send event is recorded).</summary>
    public void Keep(string purpose, string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var pending = Codes[purpose];
        pending.Salt = salt;
        pending.Hash = Hash(code, salt);
    }

    public static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6");

    private static byte[] Hash(string code, byte[] salt) => HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(code.Trim()));
}
