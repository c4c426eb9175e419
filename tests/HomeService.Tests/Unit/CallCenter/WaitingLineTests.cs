using HomeService.CallCenter.Queues;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class WaitingLineTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private static WaitingCall Call(string id, int secondsAfterT0, int priority = 0, long seq = 0) =>
        new(id, "13800000000", priority, T0.AddSeconds(secondsAfterT0), seq, null, null);

    [Fact]
    public void Higher_priority_first_and_equal_priority_in_arrival_order()
    {
        var line = new WaitingLine();
        line.Add(Call("c1", 0));
        line.Add(Call("c2", 5));
        line.Add(Call("vip", 10, priority: 10));
        line.Add(Call("c3", 7));
        Assert.Equal(["vip", "c1", "c2", "c3"], line.Calls.Select(c => c.CallId));
        Assert.Equal(3, line.PositionOf("c2"));
    }

    [Fact]
    public void A_call_back_from_a_missed_offer_returns_to_its_place_at_the_front()
    {
        var line = new WaitingLine();
        var first = Call("c1", 0);
        line.Add(first);
        line.Add(Call("c2", 5));
        line.Remove("c1");
        line.Add(Call("c3", 9));
        line.Add(first);
        Assert.Equal(["c1", "c2", "c3"], line.Calls.Select(c => c.CallId));
    }

    [Fact]
    public void Same_arrival_time_is_broken_by_sequence()
    {
        var line = new WaitingLine();
        line.Add(Call("b", 0, seq: 2));
        line.Add(Call("a", 0, seq: 1));
        Assert.Equal(["a", "b"], line.Calls.Select(c => c.CallId));
        Assert.Equal(0, line.PositionOf("zzz"));
    }
}
