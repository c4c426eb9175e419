using HomeService.Merchants;

namespace HomeService.Tests.Unit;

/// <summary>Automatic warn, suspend and exit by the credit score, with the clock moved by hand.</summary>
public sealed class MerchantStandingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly StandingPolicy Policy = new() { Threshold = 60, DaysBelowToWarn = 30, GraceDays = 15 };

    private static Merchant Active()
    {
        var m = new Merchant();
        m.Apply(new MerchantAdmitted("M9", "测试家政", "91410100MA48QWE3LW", "周敏", "13712345678", "金水区", "金水区", ["hourly"], ["金水区"], 80));
        return m;
    }

    private static void Score(Merchant m, int score, DateTimeOffset at) => m.Apply(new MerchantCreditObserved(score, score < Policy.Threshold, at));

    private static void Follow(Merchant m, DateTimeOffset at)
    {
        if (MerchantStanding.Evaluate(m, Policy, at) is { } change)
            m.Apply(new MerchantStatusChanged(m.Status, change.To, change.Reason, at, change.AwaitingExitConfirmation));
    }

    [Fact]
    public void Below_the_threshold_for_the_warning_days_warns_and_still_below_after_the_grace_suspends_pending_confirmation()
    {
        var m = Active();
        Score(m, 55, T0);
        Score(m, 52, T0.AddDays(10)); // still below: the clock keeps running from the first day below
        Assert.Null(MerchantStanding.Evaluate(m, Policy, T0.AddDays(29)));
        Assert.Equal(T0.AddDays(30), MerchantStanding.NextCheck(m, Policy));

        Follow(m, T0.AddDays(30));
        Assert.Equal((MerchantStatus.Warned, "credit-below-threshold"), (m.Status, m.StatusReason));
        Assert.True(m.ReceivesOffers);

        Assert.Null(MerchantStanding.Evaluate(m, Policy, T0.AddDays(44)));
        Follow(m, T0.AddDays(45));
        Assert.Equal((MerchantStatus.Suspended, "credit-still-below", true), (m.Status, m.StatusReason, m.AwaitingExitConfirmation));
        Assert.False(m.ReceivesOffers);
        Assert.Null(MerchantStanding.CannotDecideSuspension(m));
    }

    [Fact]
    public void A_score_back_at_the_threshold_stops_the_clock_and_ends_a_warning()
    {
        var m = Active();
        Score(m, 55, T0);
        Score(m, 60, T0.AddDays(20));
        Assert.Null(MerchantStanding.Evaluate(m, Policy, T0.AddDays(40)));

        Score(m, 50, T0.AddDays(41));
        Follow(m, T0.AddDays(71));
        Assert.Equal(MerchantStatus.Warned, m.Status);
        Score(m, 65, T0.AddDays(72));
        Follow(m, T0.AddDays(72));
        Assert.Equal((MerchantStatus.Active, "credit-recovered"), (m.Status, m.StatusReason));
    }

    [Fact]
    public void A_black_listed_merchant_is_suspended_at_once_whatever_its_score_and_must_come_off_the_list_before_a_decision()
    {
        var m = Active();
        m.Apply(new MerchantListChanged(IndustryList.Black, "伪造资质", T0));
        Follow(m, T0);
        Assert.Equal((MerchantStatus.Suspended, "listed:black"), (m.Status, m.StatusReason));
        Assert.Equal("listed", MerchantStanding.CannotDecideSuspension(m));
        Assert.Equal("not-allowed-from:Suspended", MerchantStanding.CannotReview(m));
    }

    [Fact]
    public void The_red_list_is_an_honour_that_leaves_the_merchant_taking_orders()
    {
        var m = Active();
        m.Apply(new MerchantListChanged(IndustryList.Red, "连续三年零投诉", T0));
        Follow(m, T0);
        Assert.Equal((MerchantStatus.Active, IndustryList.Red), (m.Status, m.View().Listed));
        Assert.True(m.ReceivesOffers);
        m.Apply(new MerchantListChanged(null, "荣誉期满", T0));
        Assert.Null(m.View().Listed);
    }

    [Fact]
    public void A_red_listing_from_before_the_honour_list_stays_a_suspension_that_may_be_resumed()
    {
        var m = Active();
        m.Apply(new MerchantListed(IndustryList.Red, "消防隐患", T0)); // then, red meant "suspend"
        m.Apply(new MerchantStatusChanged(MerchantStatus.Active, MerchantStatus.Suspended, "listed:red", T0));
        Follow(m, T0);
        Assert.Equal(MerchantStatus.Suspended, m.Status);
        Assert.Null(m.View().Listed);
        Assert.Null(MerchantStanding.CannotDecideSuspension(m));

        // A state saved then still says Red; without the honour flag it is no list either.
        var saved = Active();
        saved.Listed = IndustryList.Red;
        Assert.Null(saved.View().Listed);
        Assert.Null(MerchantStanding.Evaluate(saved, new StandingPolicy(), T0));
    }

    [Fact]
    public void Only_a_merchant_taking_orders_is_suspended_by_hand()
    {
        Assert.Null(MerchantStanding.CannotSuspend(Active()));
        var m = Active();
        m.Apply(new MerchantStatusChanged(MerchantStatus.Active, MerchantStatus.Suspended, "整改", T0));
        Assert.Equal("not-allowed-from:Suspended", MerchantStanding.CannotSuspend(m));
    }

    [Fact]
    public void Applications_only_are_reviewed_and_only_suspensions_are_decided()
    {
        var m = new Merchant();
        m.Apply(new MerchantApplied(new MerchantApplication("测试家政", "91410100MA48QWE3LW", "周敏", "周敏", "13712345678", "金水区", "金水区",
            ["hourly"], ["金水区"], []), T0));
        Assert.Null(MerchantStanding.CannotReview(m));
        Assert.Equal("not-allowed-from:Applied", MerchantStanding.CannotDecideSuspension(m));
        Assert.False(m.ReceivesOffers);
    }

    [Fact]
    public void Application_rules_name_each_bad_field()
    {
        var a = MerchantApplicationRules.Normalize(new MerchantApplication(" ", "91410100ma48qwe3lx", "", "周敏", "12345", "金水区", "金水区",
            ["hourly", "nope"], [], [new QualificationDocument("", "x.pdf")]));
        var errors = MerchantApplicationRules.Validate(a, c => c == "hourly");
        Assert.Equal(new Dictionary<string, string[]>
        {
            ["name"] = ["required"], ["creditCode"] = ["check-character"], ["legalPerson"] = ["required"], ["contactPhone"] = ["format:phone"],
            ["categories"] = ["unknown"], ["districts"] = ["required"], ["documents"] = ["format"],
        }, errors);
    }
}
