namespace HomeService.Sms;

/// <summary>
/// The providers' flow control, kept before sending instead of learned from refusals: per number, at most
/// <see cref="CodesPerMinute"/> a minute, <see cref="CodesPerHour"/> an hour and <see cref="CodesPerDay"/> a day of
/// verification codes (Alibaba Cloud's published limits), <see cref="NoticesPerDay"/> a day of any one other kind, and
/// the same text to a number at most once in <see cref="SameTextWithin"/> (Tencent Cloud's default); an alert that
/// merges goes at most once per <see cref="SmsDigests.Every"/>, the rest wait to go as one digest. A message over a
/// window waits until the window has room.
/// </summary>
public sealed record SmsFlowLimits(int CodesPerMinute = 1, int CodesPerHour = 5, int CodesPerDay = 10, int NoticesPerDay = 50)
{
    public const string CodeKind = "verification.code";

    public static readonly TimeSpan SameTextWithin = TimeSpan.FromSeconds(30);

    /// <summary>When a text may go to a number that was sent these texts lately; null if now.</summary>
    public static DateTimeOffset? SameTextNotBefore(string text, IEnumerable<(DateTimeOffset At, string Text)> sentBefore, DateTimeOffset now) =>
        sentBefore.Where(s => s.Text == text && s.At > now - SameTextWithin).Select(s => (DateTimeOffset?)(s.At + SameTextWithin)).Max();

    /// <summary>
    /// When a message of <paramref name="kind"/> may go, given when that number was last sent that kind (any order,
    /// the last 24 hours at least); null if now.
    /// </summary>
    public DateTimeOffset? NotBefore(string kind, IReadOnlyList<DateTimeOffset> sentBefore, DateTimeOffset now)
    {
        IEnumerable<(TimeSpan Window, int Max)> windows = kind == CodeKind
            ? [(TimeSpan.FromMinutes(1), CodesPerMinute), (TimeSpan.FromHours(1), CodesPerHour), (TimeSpan.FromDays(1), CodesPerDay)]
            : SmsDigests.Merges(kind) ? [(SmsDigests.Every, 1)]
            : [(TimeSpan.FromDays(1), NoticesPerDay)];
        DateTimeOffset? until = null;
        foreach (var (window, max) in windows)
        {
            var inWindow = sentBefore.Where(at => at > now - window).OrderDescending().ToList();
            if (max <= 0 || inWindow.Count < max) continue;
            // Room opens when the max-th most recent one leaves the window.
            var opens = inWindow[max - 1] + window;
            if (until is null || opens > until) until = opens;
        }
        return until;
    }
}
