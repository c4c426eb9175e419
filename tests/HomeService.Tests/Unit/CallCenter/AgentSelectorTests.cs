using HomeService.CallCenter;
using HomeService.CallCenter.Routing;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class AgentSelectorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<string> None = [];

    private static QueueConfig Queue(RoutingStrategy strategy, params ExpansionTier[] tiers) =>
        new("service", "服务需求", "Service", strategy, tiers.Length > 0 ? tiers : [new ExpansionTier(0, "service", 1)],
            20, 3, 30, 300, null, true, 30, ["A3", "A1", "A2"]);

    private static AgentView Agent(string id, int idleMinutesAgo = 0, int proficiency = 3, AgentStatus status = AgentStatus.Available,
        int calls = 0, int talk = 0, string skill = "service") =>
        new(id, id, status, null, T0, new Dictionary<string, int> { [skill] = proficiency }, null, calls, talk,
            T0.AddMinutes(-idleMinutesAgo), null, 1);

    private static IReadOnlyList<string> Order(QueueConfig q, TimeSpan waited, params AgentView[] roster) =>
        AgentSelector.Rank(q, waited, roster, None, null, new Random(1)).Ranked.Select(r => r.AgentId).ToList();

    [Fact]
    public void Longest_idle_agent_goes_first()
    {
        Assert.Equal(["A2", "A3", "A1"], Order(Queue(RoutingStrategy.LongestIdleAgent), TimeSpan.Zero,
            Agent("A1", idleMinutesAgo: 1), Agent("A2", idleMinutesAgo: 9), Agent("A3", idleMinutesAgo: 5)));
    }

    [Fact]
    public void Agents_freed_microseconds_apart_go_by_who_was_freed_first_not_by_id()
    {
        // A burst of hang-ups frees agents within microseconds; 11 µs apart once went by id (the key was a double, whose step
        // at these tick counts is 128 ticks).
        static AgentView FreedAt(string id, long ticksAfterT0) =>
            Agent(id) with { IdleSince = T0.AddTicks(ticksAfterT0) };
        Assert.Equal(["A9", "A1"], Order(Queue(RoutingStrategy.LongestIdleAgent), TimeSpan.Zero, FreedAt("A1", 60), FreedAt("A9", 0)));
        Assert.Equal(["A9", "A1"], Order(Queue(RoutingStrategy.LongestIdleAgent), TimeSpan.Zero, FreedAt("A1", 1), FreedAt("A9", 0)));
    }

    [Fact]
    public void Higher_proficiency_beats_longer_idle()
    {
        Assert.Equal(["A1", "A2"], Order(Queue(RoutingStrategy.LongestIdleAgent), TimeSpan.Zero,
            Agent("A1", idleMinutesAgo: 1, proficiency: 5), Agent("A2", idleMinutesAgo: 30, proficiency: 2)));
    }

    [Fact]
    public void Least_talk_time_and_fewest_calls_pick_the_least_loaded()
    {
        var roster = new[] { Agent("A1", calls: 9, talk: 100), Agent("A2", calls: 2, talk: 900), Agent("A3", calls: 5, talk: 50) };
        Assert.Equal(["A3", "A1", "A2"], Order(Queue(RoutingStrategy.AgentWithLeastTalkTime), TimeSpan.Zero, roster));
        Assert.Equal(["A2", "A3", "A1"], Order(Queue(RoutingStrategy.AgentWithFewestCalls), TimeSpan.Zero, roster));
    }

    [Fact]
    public void Top_down_follows_the_configured_order()
    {
        Assert.Equal(["A3", "A1", "A2", "A9"], Order(Queue(RoutingStrategy.TopDown), TimeSpan.Zero,
            Agent("A9"), Agent("A1"), Agent("A2"), Agent("A3")));
    }

    [Fact]
    public void Round_robin_continues_after_the_last_agent_served_and_wraps()
    {
        var roster = new[] { Agent("A1"), Agent("A2"), Agent("A3") };
        var q = Queue(RoutingStrategy.RoundRobin);
        Assert.Equal("A3", AgentSelector.Rank(q, TimeSpan.Zero, roster, None, "A2", new Random(1)).Best!.AgentId);
        Assert.Equal("A1", AgentSelector.Rank(q, TimeSpan.Zero, roster, None, "A3", new Random(1)).Best!.AgentId);
        Assert.Equal("A1", AgentSelector.Rank(q, TimeSpan.Zero, roster, None, null, new Random(1)).Best!.AgentId);
    }

    [Fact]
    public void Random_spreads_calls_over_all_eligible_agents()
    {
        var roster = new[] { Agent("A1"), Agent("A2"), Agent("A3") };
        var random = new Random(42);
        var firsts = Enumerable.Range(0, 300).Select(_ => AgentSelector.Rank(Queue(RoutingStrategy.Random), TimeSpan.Zero, roster, None, null, random).Best!.AgentId)
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(3, firsts.Count);
        Assert.All(firsts.Values, n => Assert.InRange(n, 60, 140));
    }

    [Fact]
    public void Only_available_agents_with_the_skill_are_eligible_and_the_rest_are_explained()
    {
        var decision = AgentSelector.Rank(Queue(RoutingStrategy.LongestIdleAgent), TimeSpan.Zero,
        [
            Agent("A1"), Agent("A2", status: AgentStatus.OnCall), Agent("A3", status: AgentStatus.NotReady),
            Agent("A4", skill: "complaint"), Agent("A5"),
        ], new HashSet<string> { "A5" }, null, new Random(1));

        Assert.Equal(["A1"], decision.Ranked.Select(r => r.AgentId));
        Assert.Equal(new Dictionary<string, string>
        {
            ["A2"] = "status:OnCall", ["A3"] = "status:NotReady", ["A4"] = "no-skill:service", ["A5"] = "missed-this-call",
        }, decision.Skipped.ToDictionary(s => s.AgentId, s => s.Reason));
    }

    [Fact]
    public void The_pool_widens_to_lower_proficiency_and_a_second_skill_as_the_call_waits()
    {
        var q = Queue(RoutingStrategy.LongestIdleAgent,
            new ExpansionTier(0, "complaint", 4), new ExpansionTier(20, "complaint", 1), new ExpansionTier(45, "service", 3));
        var roster = new[]
        {
            Agent("Expert", proficiency: 5, skill: "complaint"), Agent("Junior", proficiency: 2, skill: "complaint"),
            Agent("ServiceDesk", idleMinutesAgo: 60, proficiency: 4, skill: "service"),
        };
        var busyExpert = roster.Select(a => a.AgentId == "Expert" ? a with { Status = AgentStatus.OnCall } : a).ToArray();

        Assert.Equal(["Expert"], Order(q, TimeSpan.FromSeconds(5), roster));
        Assert.Empty(Order(q, TimeSpan.FromSeconds(5), busyExpert));
        Assert.Equal(["Junior"], Order(q, TimeSpan.FromSeconds(25), busyExpert));
        Assert.Equal(["Expert", "Junior", "ServiceDesk"], Order(q, TimeSpan.FromSeconds(50), roster));
        var skipped = AgentSelector.Rank(q, TimeSpan.FromSeconds(5), busyExpert, None, null, new Random(1)).Skipped;
        Assert.Equal("tier-not-open:1@20s", skipped.Single(s => s.AgentId == "Junior").Reason);
    }
}
