using HomeService.Credit;

namespace HomeService.Tests.Unit.Credit;

public sealed class CreditScoringTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private static readonly CreditPolicy Policy = new() { RatingHalfLifeDays = 180, PriorWeight = 5, GlobalMean = 80, AdjustmentHalfLifeDays = 90 };

    private static CreditAccount Account() => new(new CreditLedger(), Policy);

    [Fact]
    public void With_no_ratings_the_score_is_the_global_mean()
    {
        Assert.Equal(80, Account().ScoreAt(Now));
    }

    [Fact]
    public void The_prior_keeps_a_few_perfect_ratings_below_a_long_excellent_record()
    {
        var newcomer = Account();
        for (var i = 0; i < 3; i++) newcomer.Rate(5, $"o{i}", Now);
        var veteran = Account();
        for (var i = 0; i < 300; i++) veteran.Rate(i % 10 == 0 ? 4 : 5, $"o{i}", Now);

        // (5 × 80 + 3 × 100) / 8 = 87.5: pulled towards the mean, not 100
        Assert.Equal(87.5, newcomer.ScoreAt(Now));
        Assert.True(veteran.ScoreAt(Now) > newcomer.ScoreAt(Now));
    }

    [Fact]
    public void Old_ratings_weigh_half_after_one_half_life()
    {
        var account = Account();
        account.Rate(1, "old", Now.AddDays(-180)); // weight 0.5, score 0
        account.Rate(5, "new", Now);                // weight 1, score 100
        // (5 × 80 + 0.5 × 0 + 1 × 100) / 6.5
        Assert.Equal(Math.Round(500 / 6.5, 2), account.ScoreAt(Now));
    }

    [Fact]
    public void Penalties_lower_the_score_by_their_points_and_fade_with_their_half_life()
    {
        var account = Account();
        var change = account.Penalize(CreditReason.ComplaintSerious, "complaint:C1", Now);

        Assert.Equal(80, change.ScoreBefore);
        Assert.Equal(68, change.ScoreAfter);
        Assert.Equal(CreditReason.ComplaintSerious, change.Reason);
        Assert.Equal("complaint:C1", change.SourceEvent);
        Assert.Equal(74, account.ScoreAt(Now.AddDays(90))); // half of 12 left after 90 days
    }

    [Theory]
    [InlineData(CreditReason.ComplaintMinor, 77)]
    [InlineData(CreditReason.ComplaintNormal, 74)]
    [InlineData(CreditReason.AcceptTimeout, 79)]
    [InlineData(CreditReason.Refusal, 79.5)]
    [InlineData(CreditReason.CancelAfterAccept, 77)]
    [InlineData(CreditReason.WorkerNoShow, 72)]
    [InlineData(CreditReason.LateArrival, 78)]
    public void Each_penalty_costs_its_configured_points(CreditReason reason, double after) =>
        Assert.Equal(after, Account().Penalize(reason, "e1", Now).ScoreAfter);

    [Fact]
    public void Cancellations_the_resident_caused_never_count()
    {
        Assert.Null(CreditRules.CancellationPenalty("resident", afterAccept: true));
        Assert.Null(CreditRules.CancellationPenalty("merchant", afterAccept: false));
        Assert.Equal(CreditReason.CancelAfterAccept, CreditRules.CancellationPenalty("merchant", afterAccept: true));
    }

    [Fact]
    public void Every_full_run_of_on_time_completions_earns_the_streak_bonus_and_a_late_one_starts_over()
    {
        var account = Account();
        for (var i = 1; i < 10; i++) Assert.Null(account.Completed(onTime: true, $"o{i}", Now));
        var bonus = account.Completed(onTime: true, "o10", Now);
        Assert.Equal(CreditReason.OnTimeStreak, bonus!.Reason);
        Assert.Equal(81, bonus.ScoreAfter);

        Assert.Null(account.Completed(onTime: false, "o11", Now));
        for (var i = 12; i < 21; i++) Assert.Null(account.Completed(onTime: true, $"o{i}", Now));
        Assert.NotNull(account.Completed(onTime: true, "o21", Now));
    }

    [Fact]
    public void An_open_appeal_holds_its_penalty_back_and_the_admin_decides_it()
    {
        var granted = Account();
        granted.Penalize(CreditReason.ComplaintNormal, "C1", Now);
        Assert.Null(granted.CannotAppeal("C1", Now.AddDays(6)));
        Assert.Equal(80, granted.OpenAppeal("C1", Now.AddDays(1)).ScoreAfter);
        Assert.Equal("already-appealed", granted.CannotAppeal("C1", Now.AddDays(2)));
        var decision = granted.DecideAppeal("C1", granted: true, Now.AddDays(3));
        Assert.Equal((CreditReason.AppealGranted, 80.0), (decision.Reason, decision.ScoreAfter));

        var rejected = Account();
        rejected.Penalize(CreditReason.ComplaintNormal, "C2", Now);
        rejected.OpenAppeal("C2", Now);
        Assert.Equal(74, rejected.DecideAppeal("C2", granted: false, Now).ScoreAfter);
    }

    [Fact]
    public void Only_upheld_complaints_are_appealable_and_only_within_seven_days()
    {
        var account = Account();
        account.Penalize(CreditReason.ComplaintMinor, "C1", Now);
        account.Penalize(CreditReason.AcceptTimeout, "T1", Now);

        Assert.Equal("appeal-window-closed", account.CannotAppeal("C1", Now.AddDays(7).AddMinutes(1)));
        Assert.Equal("not-appealable", account.CannotAppeal("T1", Now));
        Assert.Equal("unknown-penalty", account.CannotAppeal("nope", Now));
    }

    [Fact]
    public void The_score_stays_within_0_and_100()
    {
        var account = Account();
        for (var i = 0; i < 20; i++) account.Penalize(CreditReason.ComplaintSerious, $"C{i}", Now);
        Assert.Equal(0, account.ScoreAt(Now));
    }

    [Fact]
    public void The_all_workers_green_bonus_is_earned_once_per_period_and_fades_like_any_adjustment()
    {
        var account = Account();
        Assert.True(account.GreenBonusDue(Now));
        account.Ledger.Award("green:2026-11-26", CreditReason.AllWorkersGreen, Policy.AllWorkersGreenBonus, Now);
        account.Ledger.Award("green:2026-11-26", CreditReason.AllWorkersGreen, Policy.AllWorkersGreenBonus, Now); // a replay adds nothing
        Assert.Equal(81, account.ScoreAt(Now), 2);
        Assert.False(account.GreenBonusDue(Now.AddDays(29)));
        Assert.True(account.GreenBonusDue(Now.AddDays(30)));
        // Ninety days on (one half-life) the bonus is worth half.
        Assert.Equal(80.5, account.ScoreAt(Now.AddDays(90)), 2);
    }
}
