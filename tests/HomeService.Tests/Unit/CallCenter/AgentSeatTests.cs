using HomeService.CallCenter;
using HomeService.CallCenter.Agents;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class AgentSeatTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static AgentSeat ReadySeat()
    {
        var seat = new AgentSeat { AgentId = "A001", Skills = new() { ["service"] = 5 } };
        Do(seat, seat.Login(T0));
        Do(seat, seat.Ready(T0));
        return seat;
    }

    private static void Do(AgentSeat seat, Outcome outcome)
    {
        Assert.False(outcome.Failed, outcome.Error);
        if (outcome.Event is { } e) { seat.Apply(e); seat.Version++; }
    }

    [Fact]
    public void Login_starts_not_ready_and_ready_makes_the_agent_available()
    {
        var seat = new AgentSeat();
        Do(seat, seat.Login(T0));
        Assert.Equal((AgentStatus.NotReady, "login"), (seat.Status, seat.NotReadyReason));
        Do(seat, seat.Ready(T0.AddSeconds(5)));
        Assert.Equal(AgentStatus.Available, seat.Status);
        Assert.Equal(T0.AddSeconds(5), seat.IdleSince);
    }

    [Fact]
    public void A_reserved_agent_cannot_be_reserved_again()
    {
        var seat = ReadySeat();
        Do(seat, seat.Reserve("call-1", "service", T0));
        Assert.Equal(AgentStatus.Ringing, seat.Status);
        Assert.Equal("not-available:Ringing", seat.Reserve("call-2", "service", T0).Error);
    }

    [Fact]
    public void A_full_call_goes_through_wrap_up_and_counts_talk_time()
    {
        var seat = ReadySeat();
        Do(seat, seat.Reserve("call-1", "service", T0));
        Do(seat, seat.Answer("call-1", T0.AddSeconds(3)));
        Assert.Equal(AgentStatus.OnCall, seat.Status);
        Do(seat, seat.EndCall("call-1", wrapUpSeconds: 30, T0.AddSeconds(93)));
        Assert.Equal(AgentStatus.AfterCallWork, seat.Status);
        Assert.Equal(T0.AddSeconds(123), seat.WrapUpEndsAt);
        Assert.Equal((1, 90), (seat.CallsHandled, seat.TalkSeconds));

        Do(seat, seat.EndWrapUp(T0.AddSeconds(100)));
        Assert.Equal(AgentStatus.Available, seat.Status);
        Assert.Equal(T0.AddSeconds(100), seat.IdleSince);
    }

    [Fact]
    public void Consecutive_no_answers_set_the_agent_not_ready_but_rejects_do_not_count()
    {
        var seat = ReadySeat();
        for (var i = 1; i <= 2; i++)
        {
            Do(seat, seat.Reserve($"call-{i}", "service", T0));
            Do(seat, seat.MissOffer($"call-{i}", rejected: false, maxMisses: 3, T0));
            Assert.Equal(AgentStatus.Available, seat.Status);
        }
        Do(seat, seat.Reserve("call-r", "service", T0));
        Do(seat, seat.MissOffer("call-r", rejected: true, maxMisses: 3, T0));
        Assert.Equal(AgentStatus.Available, seat.Status);

        Do(seat, seat.Reserve("call-3", "service", T0));
        Do(seat, seat.MissOffer("call-3", rejected: false, maxMisses: 3, T0));
        Assert.Equal((AgentStatus.NotReady, NotReadyReasons.NoAnswer), (seat.Status, seat.NotReadyReason));
    }

    [Fact]
    public void A_missed_offer_keeps_the_agents_place_in_the_idle_order()
    {
        var seat = ReadySeat();
        var idleSince = seat.IdleSince;
        Do(seat, seat.Reserve("call-1", "service", T0.AddMinutes(1)));
        Do(seat, seat.MissOffer("call-1", false, 3, T0.AddMinutes(2)));
        Assert.Equal(idleSince, seat.IdleSince);
    }

    [Fact]
    public void An_agent_on_a_call_cannot_log_out_or_go_not_ready()
    {
        var seat = ReadySeat();
        Do(seat, seat.Reserve("call-1", "service", T0));
        Do(seat, seat.Answer("call-1", T0));
        Assert.Equal("busy", seat.Logout("browser-gone", T0).Error);
        Assert.Equal("not-allowed-from:OnCall", seat.NotReady(NotReadyReasons.Break, T0).Error);
    }

    [Fact]
    public void Events_for_another_call_change_nothing()
    {
        var seat = ReadySeat();
        Do(seat, seat.Reserve("call-1", "service", T0));
        Assert.True(seat.Answer("call-2", T0).Failed);
        Assert.Null(seat.EndCall("call-2", 30, T0).Event);
        Assert.Null(seat.MissOffer("call-2", false, 3, T0).Event);
        Assert.Equal(AgentStatus.Ringing, seat.Status);
    }
}
