namespace HomeService.Credit;

/// <summary>One score change, kept with its reason and the event behind it: the score is explainable line by line.</summary>
public sealed record CreditChange(DateTimeOffset At, CreditReason Reason, string SourceEvent, double ScoreBefore, double ScoreAfter, int LevelPoints);

/// <summary>
/// The credit rules for one merchant or worker over their <see cref="CreditLedger"/>: what each rating, penalty,
/// completion and appeal does to it. Every method returns the change it made with the score before and after.
/// Cancellations the resident caused never reach here (<see cref="CreditRules.CancellationPenalty"/>).
/// </summary>
public sealed class CreditAccount(CreditLedger ledger, CreditPolicy policy)
{
    public CreditLedger Ledger => ledger;

    public double ScoreAt(DateTimeOffset now) => CreditScorer.Score(ledger, policy, now);

    public CreditLevel Level => CreditLevel.FromPoints(ledger.LevelPoints, policy.LevelThresholds);

    public CreditChange Rate(int stars, string source, DateTimeOffset at) =>
        Change(at, CreditReason.Rating, source, () => ledger.AddRating(stars, source, at));

    /// <summary>A penalty. Upheld complaints can be appealed within the policy's days; the others cannot.</summary>
    public CreditChange Penalize(CreditReason reason, string source, DateTimeOffset at) =>
        Change(at, reason, source, () => ledger.AddPenalty(reason, policy.PenaltyFor(reason), source, at));

    /// <summary>The streak bonus a completion earns now: every full run of the policy's length of on-time jobs.</summary>
    public double BonusFor(bool onTime) => onTime && (ledger.OnTimeRun + 1) % policy.OnTimeStreak == 0 ? policy.OnTimeStreakBonus : 0;

    /// <summary>A finished job: on time extends the run, and every full run of the policy's length earns the streak bonus; late ends it.</summary>
    public CreditChange? Completed(bool onTime, string source, DateTimeOffset at)
    {
        var bonus = BonusFor(onTime);
        if (bonus == 0)
        {
            ledger.Complete(onTime, 0, source, at);
            return null;
        }
        return Change(at, CreditReason.OnTimeStreak, source, () => ledger.Complete(onTime, bonus, source, at));
    }

    /// <summary>The all-workers-green bonus is due: the policy gives one and none was earned within its period.</summary>
    public bool GreenBonusDue(DateTimeOffset now) =>
        policy.AllWorkersGreenBonus > 0 && !ledger.Adjustments.Any(a =>
            a.Reason == CreditReason.AllWorkersGreen && now - a.At < TimeSpan.FromDays(policy.AllWorkersGreenEveryDays));

    /// <summary>Null when the penalty's appeal may open now, else why not.</summary>
    public string? CannotAppeal(string penaltyId, DateTimeOffset now)
    {
        var penalty = ledger.Adjustments.FirstOrDefault(a => a.Id == penaltyId);
        if (penalty is null) return "unknown-penalty";
        if (!penalty.Appealable) return "not-appealable";
        if (penalty.Appeal != AppealState.None) return "already-appealed";
        if (now - penalty.At > TimeSpan.FromDays(policy.AppealDays)) return "appeal-window-closed";
        return null;
    }

    /// <summary>Opens an appeal: its penalty is held back until an admin decides.</summary>
    public CreditChange OpenAppeal(string penaltyId, DateTimeOffset at) =>
        SetAppeal(penaltyId, AppealState.Open, at, CreditReason.AppealOpened);

    /// <summary>Granted: the penalty is void for good. Rejected: it counts again, from when it happened.</summary>
    public CreditChange DecideAppeal(string penaltyId, bool granted, DateTimeOffset at) =>
        SetAppeal(penaltyId, granted ? AppealState.Granted : AppealState.Rejected, at, granted ? CreditReason.AppealGranted : CreditReason.AppealRejected);

    private CreditChange SetAppeal(string penaltyId, AppealState state, DateTimeOffset at, CreditReason reason)
    {
        var i = ledger.Adjustments.FindIndex(a => a.Id == penaltyId);
        if (i < 0 || (state != AppealState.Open && ledger.Adjustments[i].Appeal != AppealState.Open))
            throw new InvalidOperationException($"No open appeal on {penaltyId}.");
        return Change(at, reason, penaltyId, () => ledger.SetAppeal(penaltyId, state));
    }

    private CreditChange Change(DateTimeOffset at, CreditReason reason, string source, Action apply)
    {
        var before = ScoreAt(at);
        apply();
        return new CreditChange(at, reason, source, before, ScoreAt(at), ledger.LevelPoints);
    }
}

/// <summary>Which operational events cost credit at all.</summary>
public static class CreditRules
{
    /// <summary>A cancellation after acceptance costs the merchant unless the resident (or the center for them) cancelled.</summary>
    public static CreditReason? CancellationPenalty(string cancelledBy, bool afterAccept) =>
        !afterAccept || cancelledBy is "resident" or "member" or "customer" ? null : CreditReason.CancelAfterAccept;

    public static CreditReason ComplaintPenalty(string severity) => severity switch
    {
        "minor" => CreditReason.ComplaintMinor,
        "serious" => CreditReason.ComplaintSerious,
        _ => CreditReason.ComplaintNormal,
    };
}
