namespace HomeService.Credit;

/// <summary>
/// The score of a ledger at a moment, 0–100: the decayed Bayesian average of ratings (stars mapped to 0–100) minus
/// decayed penalties plus decayed bonuses. Pure: same ledger, same moment, same score.
/// </summary>
public static class CreditScorer
{
    public static double RatingPart(CreditLedger ledger, CreditPolicy policy, DateTimeOffset now)
    {
        double weighted = 0, weights = 0;
        foreach (var r in ledger.Ratings)
        {
            var w = Decay(now - r.At, policy.RatingHalfLifeDays);
            weighted += w * StarsToScore(r.Stars);
            weights += w;
        }
        return (policy.PriorWeight * policy.GlobalMean + weighted) / (policy.PriorWeight + weights);
    }

    /// <summary>Bonuses minus penalties, each decayed from when it happened; held and voided appeals count nothing.</summary>
    public static double AdjustmentPart(CreditLedger ledger, CreditPolicy policy, DateTimeOffset now) =>
        ledger.Adjustments.Where(a => a.Counts).Sum(a => a.Points * Decay(now - a.At, policy.AdjustmentHalfLifeDays));

    public static double Score(CreditLedger ledger, CreditPolicy policy, DateTimeOffset now) =>
        Math.Round(Math.Clamp(RatingPart(ledger, policy, now) + AdjustmentPart(ledger, policy, now), 0, 100), 2);

    /// <summary>1 star → 0, 3 stars → 50, 5 stars → 100.</summary>
    public static double StarsToScore(int stars) => (Math.Clamp(stars, 1, 5) - 1) * 25.0;

    private static double Decay(TimeSpan age, double halfLifeDays) =>
        age <= TimeSpan.Zero ? 1 : Math.Pow(0.5, age.TotalDays / halfLifeDays);
}
