using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

/// <summary>When a worker may check in at a visit booked 14:00–16:00 Beijing time on 8 December, with an hour's allowance.</summary>
public sealed class CheckInRuleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 14, 0, 0, Beijing);
    private static readonly DateTimeOffset End = Start.AddHours(2);
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private static string? At(int day, int hour, int minute, bool confirmed = false) =>
        CheckInRule.Judge(Start, End, new DateTimeOffset(2026, 12, day, hour, minute, 0, Beijing), Hour, confirmed).Refusal;

    [Fact]
    public void Within_the_allowance_during_or_after_the_window_on_its_day_the_worker_just_checks_in()
    {
        Assert.Null(At(8, 13, 0));
        Assert.Null(At(8, 14, 30));
        Assert.Null(At(8, 23, 59)); // late, but the same day: the arrival clock records the lateness
    }

    [Fact]
    public void Earlier_than_the_allowance_on_the_booking_day_asks_for_confirmation_and_says_how_early()
    {
        Assert.Equal("check-in-early:61", At(8, 12, 59));
        Assert.Equal("check-in-early:360", At(8, 8, 0));
        Assert.Null(At(8, 8, 0, confirmed: true));
    }

    [Fact]
    public void Another_day_is_refused_even_when_confirmed_and_names_the_booked_day()
    {
        Assert.Equal("check-in-other-day:2026-12-08", At(7, 15, 0, confirmed: true));
        Assert.Equal("check-in-other-day:2026-12-08", At(9, 9, 0, confirmed: true));
    }

    [Fact]
    public void A_visit_booked_just_after_midnight_takes_a_check_in_within_the_allowance_the_evening_before()
    {
        var midnight = new DateTimeOffset(2026, 12, 9, 0, 30, 0, Beijing);
        Assert.Null(CheckInRule.Judge(midnight, midnight.AddHours(2), midnight.AddMinutes(-45), Hour, false).Refusal);
        Assert.StartsWith("check-in-other-day:", CheckInRule.Judge(midnight, midnight.AddHours(2), midnight.AddHours(-3), Hour, true).Refusal);
    }

    [Fact]
    public void An_order_without_a_window_never_stops_a_check_in() =>
        Assert.Equal(new CheckInRule.Judgement(false, null), CheckInRule.Judge(null, null, Start, Hour, false));

    [Fact]
    public void A_check_in_is_early_only_beyond_the_allowance_and_a_confirmed_one_goes_ahead_marked_early()
    {
        Assert.Equal(new CheckInRule.Judgement(false, null), CheckInRule.Judge(Start, End, Start - Hour, Hour, false));
        Assert.Equal(new CheckInRule.Judgement(true, "check-in-early:61"), CheckInRule.Judge(Start, End, Start - Hour - TimeSpan.FromMinutes(1), Hour, false));
        Assert.Equal(new CheckInRule.Judgement(true, null), CheckInRule.Judge(Start, End, Start - Hour - TimeSpan.FromMinutes(1), Hour, true));
    }
}
