namespace HomeService.Credit;

/// <summary>A rating (1–5 stars) that counts towards a score, from the order it rated.</summary>
public sealed record RatingEntry(DateTimeOffset At, int Stars, string SourceEvent);

/// <summary>A penalty or bonus (points below or above the rating part) with the event that caused it. An appealable
/// penalty (an upheld complaint) is held back while its appeal is open, and void if the appeal is granted.</summary>
public sealed record Adjustment(string Id, DateTimeOffset At, CreditReason Reason, double Points, string SourceEvent, bool Appealable = false)
{
    public AppealState Appeal { get; init; } = AppealState.None;
    public bool Counts => Appeal is not (AppealState.Open or AppealState.Granted);
}

public enum AppealState { None, Open, Granted, Rejected }

/// <summary>
/// Everything a score is made of, for one merchant or one worker. Plain data: <see cref="CreditScorer"/> turns it
/// into a score at a moment, so the same ledger explains the score at any time.
/// </summary>
public sealed class CreditLedger
{
    public List<RatingEntry> Ratings { get; set; } = [];
    public List<Adjustment> Adjustments { get; set; } = [];
    public int OnTimeRun { get; set; }

    /// <summary>Good (4–5 stars) +1, neutral (3) 0, bad (1–2) −1: the points the level is shown from.</summary>
    public int LevelPoints => Ratings.Sum(r => r.Stars >= 4 ? 1 : r.Stars == 3 ? 0 : -1);
}
