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

    // The ledger's own operations, the same for a live change and for a replay: points are decided when the input is
    // recorded (by the policy then in force) and carried with it, so a later change of policy never rewrites history.

    public void AddRating(int stars, string source, DateTimeOffset at) => Ratings.Add(new RatingEntry(at, Math.Clamp(stars, 1, 5), source));

    public void AddPenalty(CreditReason reason, double points, string source, DateTimeOffset at) =>
        Adjustments.Add(new Adjustment(source, at, reason, -Math.Abs(points), source,
            Appealable: reason is CreditReason.ComplaintMinor or CreditReason.ComplaintNormal or CreditReason.ComplaintSerious));

    /// <summary>A finished job: on time extends the run (and a bonus, when one is due, is added), late ends it.</summary>
    public void Complete(bool onTime, double bonus, string source, DateTimeOffset at)
    {
        OnTimeRun = onTime ? OnTimeRun + 1 : 0;
        if (bonus > 0) Adjustments.Add(new Adjustment(source, at, CreditReason.OnTimeStreak, bonus, source));
    }

    /// <summary>A bonus earned by standing rather than by an order (all workers green); its id makes a second award a no-op.</summary>
    public void Award(string id, CreditReason reason, double points, DateTimeOffset at)
    {
        if (Adjustments.Any(a => a.Id == id)) return;
        Adjustments.Add(new Adjustment(id, at, reason, Math.Abs(points), id));
    }

    public bool SetAppeal(string penaltyId, AppealState state)
    {
        var i = Adjustments.FindIndex(a => a.Id == penaltyId);
        if (i < 0) return false;
        Adjustments[i] = Adjustments[i] with { Appeal = state };
        return true;
    }
}
