using HomeService.CallCenter.Campaigns;
using Microsoft.Extensions.Time.Testing;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>
/// The IVR campaign's rules on a fake clock: pacing (calls in flight), retries (after N minutes, at most M attempts)
/// and allowed hours in Asia/Shanghai. The test plays the dialer and the switch: it places what is due and answers
/// for the callees.
/// </summary>
public sealed class CampaignDialerTests
{
    // 01:00 UTC is 09:00 in Beijing: the start of the default allowed hours.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));
    private int _calls;

    private Campaign NewCampaign(int numbers, int pacing = 2, int retryAfterMinutes = 30, int maxAttempts = 3, string from = "09:00", string to = "20:00")
    {
        var spec = new CampaignSpec("回访", CampaignSpec.FollowUp, "请按1到5", Enumerable.Range(0, numbers)
            .Select(i => new CampaignNumber($"1380013{i:D4}", $"WO{i}")).ToList(), pacing, retryAfterMinutes, maxAttempts, from, to, "supervisor");
        Assert.Empty(CampaignSpecRules.Check(spec));
        var campaign = new Campaign { Id = "c1" };
        campaign.Apply(new CampaignCreated(spec, _clock.GetUtcNow()));
        campaign.Apply(new CampaignStarted("supervisor", _clock.GetUtcNow()));
        return campaign;
    }

    /// <summary>What the grain does on a tick: place a call for every due target; returns the targets called.</summary>
    private List<int> Tick(Campaign campaign)
    {
        var placed = new List<int>();
        foreach (var t in CampaignDialer.Due(campaign, _clock.GetUtcNow()))
        {
            campaign.Apply(new CampaignCallPlaced(t.No, $"sim-out-{++_calls}", t.Attempts + 1, _clock.GetUtcNow()));
            placed.Add(t.No);
        }
        return placed;
    }

    private CampaignAttemptSettled? Report(Campaign campaign, int targetNo, string outcome, string? digits = null)
    {
        var settled = CampaignDialer.Settle(campaign, targetNo, campaign.Target(targetNo)!.InFlightCallId, outcome, digits, _clock.GetUtcNow());
        if (settled is not null) campaign.Apply(settled);
        return settled;
    }

    [Fact]
    public void A_call_in_flight_is_asked_about_only_after_two_quiet_minutes_and_not_once_it_has_reported()
    {
        var campaign = NewCampaign(numbers: 2, pacing: 2);
        Assert.Equal([1, 2], Tick(campaign));
        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(CampaignDialer.QuietCalls(campaign, _clock.GetUtcNow()));
        Report(campaign, 1, CampaignOutcomes.Answered, "5");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal([2], CampaignDialer.QuietCalls(campaign, _clock.GetUtcNow()).Select(t => t.No));
    }

    [Fact]
    public void No_more_calls_are_in_flight_than_the_pacing_allows()
    {
        var campaign = NewCampaign(numbers: 5, pacing: 2);
        Assert.Equal([1, 2], Tick(campaign));
        Assert.Empty(Tick(campaign)); // both lines busy
        Report(campaign, 1, CampaignOutcomes.Answered, "5");
        Assert.Equal([3], Tick(campaign));
        Assert.Equal(2, campaign.InFlight);
        Report(campaign, 2, CampaignOutcomes.Answered, "4");
        Report(campaign, 3, CampaignOutcomes.Answered, "3");
        Assert.Equal([4, 5], Tick(campaign));
        Report(campaign, 4, CampaignOutcomes.Answered, "1");
        Report(campaign, 5, CampaignOutcomes.Answered, "2");
        Assert.True(CampaignDialer.IsFinished(campaign));
        Assert.Equal(["5", "4", "3", "1", "2"], campaign.Targets.Select(t => t.Digits));
        Assert.All(campaign.Targets, t => Assert.Equal(CampaignOutcomes.Answered, t.Result));
    }

    [Fact]
    public void An_unanswered_number_is_tried_again_after_the_delay_and_given_up_after_the_last_attempt()
    {
        var campaign = NewCampaign(numbers: 1, retryAfterMinutes: 30, maxAttempts: 3);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            Assert.Equal([1], Tick(campaign));
            var settled = Report(campaign, 1, attempt == 2 ? CampaignOutcomes.Busy : CampaignOutcomes.NoAnswer)!;
            if (attempt == 3) break;
            Assert.Null(settled.Result);
            Assert.Equal(_clock.GetUtcNow().AddMinutes(30), settled.RetryAt);
            _clock.Advance(TimeSpan.FromMinutes(29));
            Assert.Empty(Tick(campaign)); // not yet
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        var target = campaign.Target(1)!;
        Assert.Equal(CampaignOutcomes.OutOfAttempts, target.Result);
        Assert.Equal(3, target.Attempts);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Empty(Tick(campaign)); // never a fourth call
        Assert.True(CampaignDialer.IsFinished(campaign));
    }

    [Fact]
    public void A_callee_who_answers_without_a_key_is_called_again_but_a_failed_number_is_not()
    {
        var campaign = NewCampaign(numbers: 2, retryAfterMinutes: 10);
        Tick(campaign);
        Assert.Null(Report(campaign, 1, CampaignOutcomes.NoKey)!.Result);
        Assert.Equal(CampaignOutcomes.Failed, Report(campaign, 2, CampaignOutcomes.Failed)!.Result);
        _clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal([1], Tick(campaign));
    }

    [Fact]
    public void A_late_or_repeated_report_changes_nothing()
    {
        var campaign = NewCampaign(numbers: 1, retryAfterMinutes: 10);
        Tick(campaign);
        var firstCall = campaign.Target(1)!.InFlightCallId;
        Report(campaign, 1, CampaignOutcomes.NoAnswer);
        Assert.Null(CampaignDialer.Settle(campaign, 1, firstCall, CampaignOutcomes.NoAnswer, null, _clock.GetUtcNow())); // the same report again
        _clock.Advance(TimeSpan.FromMinutes(10));
        Tick(campaign);
        Assert.Null(CampaignDialer.Settle(campaign, 1, firstCall, CampaignOutcomes.Answered, "5", _clock.GetUtcNow())); // the old call, late
        Assert.Null(CampaignDialer.Settle(campaign, 9, "sim-out-x", CampaignOutcomes.Answered, "5", _clock.GetUtcNow())); // no such number
        Assert.Equal(2, campaign.Target(1)!.Attempts);
        Assert.True(campaign.Target(1)!.InFlight);
    }

    [Fact]
    public void Calls_start_only_within_the_allowed_hours_in_Beijing_time()
    {
        _clock.AdjustTime(new DateTimeOffset(2026, 11, 26, 0, 59, 0, TimeSpan.Zero)); // 08:59 in Beijing
        var campaign = NewCampaign(numbers: 3, pacing: 3, retryAfterMinutes: 30);
        Assert.Empty(Tick(campaign));
        _clock.Advance(TimeSpan.FromMinutes(1)); // 09:00
        Assert.Equal([1, 2, 3], Tick(campaign));

        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 11, 45, 0, TimeSpan.Zero)); // 19:45: one no answer, retry due 20:15
        Report(campaign, 1, CampaignOutcomes.NoAnswer);
        Report(campaign, 2, CampaignOutcomes.Answered, "4");
        Report(campaign, 3, CampaignOutcomes.Answered, "5");
        _clock.Advance(TimeSpan.FromMinutes(30)); // 20:15: due, but the day's hours are over
        Assert.Empty(Tick(campaign));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 26, 23, 0, 0, TimeSpan.Zero)); // 07:00 next morning
        Assert.Empty(Tick(campaign));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 27, 1, 0, 0, TimeSpan.Zero)); // 09:00
        Assert.Equal([1], Tick(campaign));
    }

    [Fact]
    public void Allowed_hours_may_run_past_midnight_and_equal_ends_mean_all_day()
    {
        var night = NewCampaign(numbers: 1, from: "22:00", to: "06:00").Spec!;
        Assert.True(CampaignDialer.InAllowedHours(night, new DateTimeOffset(2026, 11, 26, 23, 30, 0, TimeSpan.FromHours(8))));
        Assert.True(CampaignDialer.InAllowedHours(night, new DateTimeOffset(2026, 11, 26, 5, 59, 0, TimeSpan.FromHours(8))));
        Assert.False(CampaignDialer.InAllowedHours(night, new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.FromHours(8))));
        Assert.False(CampaignDialer.InAllowedHours(night, new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8))));
        var allDay = NewCampaign(numbers: 1, from: "00:00", to: "00:00").Spec!;
        Assert.True(CampaignDialer.InAllowedHours(allDay, new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.FromHours(8))));
    }

    [Fact]
    public void A_final_follow_up_result_stays_pending_until_its_hand_over_is_recorded()
    {
        var campaign = NewCampaign(numbers: 2);
        Tick(campaign);
        Report(campaign, 1, CampaignOutcomes.Answered, "5");
        Report(campaign, 2, CampaignOutcomes.NoAnswer); // not final yet
        Assert.Equal([1], CampaignDialer.PendingHandOvers(campaign).Select(t => t.No));
        campaign.Apply(new CampaignResultHanded(1, _clock.GetUtcNow()));
        Assert.Empty(CampaignDialer.PendingHandOvers(campaign));
    }

    [Fact]
    public void A_paused_campaign_places_no_calls()
    {
        var campaign = NewCampaign(numbers: 2);
        campaign.Apply(new CampaignPaused("supervisor", _clock.GetUtcNow()));
        Assert.Empty(Tick(campaign));
    }

    [Fact]
    public void A_campaign_spec_names_each_bad_field()
    {
        var bad = new CampaignSpec("", "survey", "", [new CampaignNumber("12", null)], 0, 0, 99, "9am", "25:00", "supervisor");
        var errors = CampaignSpecRules.Check(bad);
        Assert.Equal(["allowedFrom", "allowedTo", "kind", "maxAttempts", "name", "numbers", "pacing", "prompt", "retryAfterMinutes"],
            errors.Keys.Order());
    }
}
