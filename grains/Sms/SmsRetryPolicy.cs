namespace HomeService.Sms;

/// <summary>
/// When a message that could not go yet is tried again: 2, 4, 8 … seconds after each failed attempt, at most five minutes
/// apart, and dead-lettered after the last allowed attempt with the last reason, for an admin to read and resend.
/// </summary>
public static class SmsRetryPolicy
{
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(5);

    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(Longest.TotalSeconds, Math.Pow(2, Math.Clamp(attempts, 1, 16))));

    public static bool Exhausted(int attempts, int maxAttempts) => attempts >= maxAttempts;
}
