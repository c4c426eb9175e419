using HomeService.WorkOrders;

namespace HomeService.Tests.Unit.WorkOrders;

public sealed class SlaClockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void A_running_clock_warns_at_80_percent_and_breaches_after_its_allowance()
    {
        var clock = new SlaClock("arrival", T0, TimeSpan.FromHours(2));
        Assert.Equal(T0.AddHours(2), clock.DeadlineAt(T0.AddMinutes(10)));
        Assert.Equal(SlaState.Running, clock.State(T0.AddMinutes(95)));
        Assert.Equal(SlaState.AtRisk, clock.State(T0.AddMinutes(96)));
        Assert.Equal(SlaState.AtRisk, clock.State(T0.AddHours(2)));
        Assert.Equal(SlaState.Breached, clock.State(T0.AddHours(2).AddSeconds(1)));
    }

    [Fact]
    public void Waiting_for_the_customer_pauses_the_clock_and_moves_the_deadline()
    {
        var clock = new SlaClock("completion", T0, TimeSpan.FromHours(4))
            .Pause(T0.AddHours(1))
            .Resume(T0.AddHours(3));
        Assert.Equal(TimeSpan.FromHours(2), clock.PausedTotal);
        Assert.Equal(T0.AddHours(6), clock.DeadlineAt(T0.AddHours(3)));
        Assert.Equal(TimeSpan.FromHours(1), clock.Elapsed(T0.AddHours(3)));

        var paused = clock.Pause(T0.AddHours(4));
        Assert.Equal(SlaState.Paused, paused.State(T0.AddHours(20)));
        Assert.Equal(TimeSpan.FromHours(2), paused.Elapsed(T0.AddHours(20)));
    }

    [Fact]
    public void Changing_the_allowance_keeps_the_pause_already_accumulated()
    {
        var clock = new SlaClock("dispatch", T0, TimeSpan.FromHours(1)).Pause(T0).Resume(T0.AddMinutes(30)).WithAllowance(TimeSpan.FromHours(2));
        Assert.Equal(T0.AddMinutes(150), clock.DeadlineAt(T0.AddMinutes(40)));
    }

    [Fact]
    public void A_stopped_clock_is_met_or_breached_for_good()
    {
        var met = new SlaClock("response", T0, TimeSpan.FromHours(24)).Stop(T0.AddHours(5));
        Assert.Equal(SlaState.Met, met.State(T0.AddDays(10)));
        var late = new SlaClock("response", T0, TimeSpan.FromHours(24)).Stop(T0.AddHours(25));
        Assert.Equal(SlaState.Breached, late.State(T0.AddHours(26)));
        Assert.Equal(SlaState.Met, new SlaClock("x", T0, TimeSpan.FromHours(1)).Pause(T0).Stop(T0.AddHours(9)).State(T0.AddHours(9)));
    }
}
