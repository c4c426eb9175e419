using HomeService.CallCenter;
using HomeService.CallCenter.Routing;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>An agent who missed a call is passed over for it only briefly, and never when nobody else could take it.</summary>
public sealed class RingAgainRuleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(15);

    private static readonly QueueConfig Queue = new("service", "服务需求", "Service", RoutingStrategy.LongestIdleAgent,
        [new ExpansionTier(0, "service", 1)], 20, 3, 30, 300, null, true, 30, []);

    private static AgentView Agent(string id, int idleMinutesAgo, AgentStatus status = AgentStatus.Available) =>
        new(id, id, status, null, T0, new Dictionary<string, int> { ["service"] = 3 }, null, 0, 0, T0.AddMinutes(-idleMinutesAgo), null, 1);

    private static RoutingDecision Rank(DateTimeOffset now, Dictionary<string, DateTimeOffset> missed, params AgentView[] roster) =>
        RingAgainRule.Rank(Queue, TimeSpan.FromSeconds(30), roster, missed, now, Delay, null, new Random(1));

    [Fact]
    public void A_colleague_gets_the_call_first_while_the_agent_who_missed_it_is_held_back()
    {
        var missed = new Dictionary<string, DateTimeOffset> { ["A1"] = T0 };
        var decision = Rank(T0.AddSeconds(5), missed, Agent("A1", idleMinutesAgo: 30), Agent("A2", idleMinutesAgo: 1));
        Assert.Equal(["A2"], decision.Ranked.Select(r => r.AgentId));
        Assert.Contains(decision.Skipped, s => s.AgentId == "A1" && s.Reason == "missed-this-call");
    }

    [Fact]
    public void After_the_ring_again_delay_the_agent_who_missed_is_offered_the_call_again()
    {
        var missed = new Dictionary<string, DateTimeOffset> { ["A1"] = T0 };
        var decision = Rank(T0 + Delay, missed, Agent("A1", idleMinutesAgo: 30), Agent("A2", idleMinutesAgo: 1));
        Assert.Equal(["A1", "A2"], decision.Ranked.Select(r => r.AgentId));
    }

    [Fact]
    public void The_only_agent_who_can_take_the_call_gets_it_again_at_once()
    {
        // agent2 rejected and agent1 let it ring out; agent2 went not ready, agent1 is Available: agent1 is rung again.
        var missed = new Dictionary<string, DateTimeOffset> { ["A1"] = T0, ["A2"] = T0.AddSeconds(-3) };
        var decision = Rank(T0.AddSeconds(1), missed, Agent("A1", idleMinutesAgo: 2), Agent("A2", 5, AgentStatus.NotReady));
        Assert.Equal(["A1"], decision.Ranked.Select(r => r.AgentId));
    }

    [Fact]
    public void When_every_available_agent_missed_it_recently_they_are_all_offered_it_again()
    {
        var missed = new Dictionary<string, DateTimeOffset> { ["A1"] = T0, ["A2"] = T0 };
        var decision = Rank(T0.AddSeconds(1), missed, Agent("A1", idleMinutesAgo: 2), Agent("A2", idleMinutesAgo: 9));
        Assert.Equal(["A2", "A1"], decision.Ranked.Select(r => r.AgentId));
    }

    [Fact]
    public void Held_back_agents_are_only_those_within_the_delay()
    {
        var missed = new Dictionary<string, DateTimeOffset> { ["A1"] = T0, ["A2"] = T0.AddSeconds(-20) };
        Assert.Equal(["A1"], RingAgainRule.HeldBack(missed, T0.AddSeconds(10), Delay));
    }
}
