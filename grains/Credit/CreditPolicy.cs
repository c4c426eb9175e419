namespace HomeService.Credit;

/// <summary>
/// The tunable parts of credit scoring (信用评价), one instance from settings (<c>HomeService:Credit</c>). Scores run
/// 0–100. The rating part is a time-decayed Bayesian average: recent ratings weigh more (half-life), and a merchant
/// with few ratings is pulled towards the global mean (prior weight), so three good ratings do not outrank three
/// hundred. Penalties and bonuses decay with their own half-life, so a merchant can earn its way back.
/// </summary>
public sealed record CreditPolicy
{
    public double RatingHalfLifeDays { get; init; } = 180;
    public double PriorWeight { get; init; } = 5;
    public double GlobalMean { get; init; } = 80; // 0–100: about 4.2 stars
    public double AdjustmentHalfLifeDays { get; init; } = 90;

    public double ComplaintMinor { get; init; } = 3;
    public double ComplaintNormal { get; init; } = 6;
    public double ComplaintSerious { get; init; } = 12;
    public double AcceptTimeout { get; init; } = 1;
    public double Refusal { get; init; } = 0.5;
    public double CancelAfterAccept { get; init; } = 3;
    public double WorkerNoShow { get; init; } = 8;
    public double LateArrival { get; init; } = 2;

    public int OnTimeStreak { get; init; } = 10;
    public double OnTimeStreakBonus { get; init; } = 1;
    /// <summary>Earned at the daily review when every active worker of a merchant is green (安心码), at most once per period.</summary>
    public double AllWorkersGreenBonus { get; init; } = 1;
    public int AllWorkersGreenEveryDays { get; init; } = 30;

    public int AppealDays { get; init; } = 7;

    /// <summary>Points for the hearts-and-diamonds level: 1–5 hearts, then 1–5 diamonds (as residents know them from marketplaces).</summary>
    public IReadOnlyList<int> LevelThresholds { get; init; } = [4, 11, 41, 91, 151, 251, 501, 1001, 2001, 5001];

    public double PenaltyFor(CreditReason reason) => reason switch
    {
        CreditReason.ComplaintMinor => ComplaintMinor,
        CreditReason.ComplaintNormal => ComplaintNormal,
        CreditReason.ComplaintSerious => ComplaintSerious,
        CreditReason.AcceptTimeout => AcceptTimeout,
        CreditReason.Refusal => Refusal,
        CreditReason.CancelAfterAccept => CancelAfterAccept,
        CreditReason.WorkerNoShow => WorkerNoShow,
        CreditReason.LateArrival => LateArrival,
        _ => 0,
    };
}
