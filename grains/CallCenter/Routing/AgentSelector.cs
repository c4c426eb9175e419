namespace HomeService.CallCenter.Routing;

/// <summary>
/// Picks agents for a waiting call. An agent is eligible when Available and inside an expansion tier the call
/// has waited long enough for; eligible agents are ordered by tier (inner circle first), then proficiency
/// (higher first), then the queue's strategy. Pure and deterministic for a given random source.
/// </summary>
public static class AgentSelector
{
    // Most of a busy queue's roster is skipped for its status on every call: one string per status, not one per agent per call.
    private static readonly Dictionary<AgentStatus, string> StatusReasons =
        Enum.GetValues<AgentStatus>().ToDictionary(s => s, s => $"status:{s}");

    public static RoutingDecision Rank(
        QueueConfig queue,
        TimeSpan waited,
        IEnumerable<AgentView> roster,
        IReadOnlySet<string> excluded,
        string? lastRoundRobinAgent,
        Random random)
    {
        var ranked = new List<(RankedAgent Agent, AgentView View)>();
        var skipped = new List<SkippedAgent>();
        foreach (var agent in roster)
        {
            var reason = Eligibility(queue, waited, agent, excluded, out var ranking);
            if (reason is null) ranked.Add((ranking!, agent));
            else skipped.Add(new SkippedAgent(agent.AgentId, reason));
        }

        var order = queue.Strategy switch
        {
            RoutingStrategy.Random => ranked.OrderBy(r => r.Agent.Tier).ThenByDescending(r => r.Agent.Proficiency)
                .ThenBy(_ => random.Next()),
            RoutingStrategy.RoundRobin => ranked.OrderBy(r => r.Agent.Tier).ThenByDescending(r => r.Agent.Proficiency)
                .ThenBy(r => RoundRobinDistance(r.View.AgentId, lastRoundRobinAgent)).ThenBy(r => r.View.AgentId, StringComparer.Ordinal),
            _ => ranked.OrderBy(r => r.Agent.Tier).ThenByDescending(r => r.Agent.Proficiency)
                .ThenBy(r => StrategyKey(queue, r.View)).ThenBy(r => r.View.AgentId, StringComparer.Ordinal),
        };
        return new RoutingDecision(order.Select(r => r.Agent).ToList(), skipped);
    }

    private static string? Eligibility(QueueConfig queue, TimeSpan waited, AgentView agent, IReadOnlySet<string> excluded, out RankedAgent? ranking)
    {
        ranking = null;
        if (agent.Status != AgentStatus.Available) return StatusReasons[agent.Status];
        if (excluded.Contains(agent.AgentId)) return RingAgainRule.HeldBackReason;
        string? best = null;
        for (var tier = 0; tier < queue.Tiers.Count; tier++)
        {
            var t = queue.Tiers[tier];
            if (!agent.Skills.TryGetValue(t.Skill, out var proficiency))
            {
                best ??= $"no-skill:{t.Skill}";
                continue;
            }
            if (proficiency < t.MinProficiency)
            {
                best = $"proficiency:{t.Skill}={proficiency}<{t.MinProficiency}";
                continue;
            }
            if (waited.TotalSeconds < t.AfterSeconds)
            {
                best = $"tier-not-open:{tier}@{t.AfterSeconds}s";
                continue;
            }
            ranking = new RankedAgent(agent.AgentId, tier, proficiency, agent.IdleSince ?? agent.StatusSince);
            return null;
        }
        return best ?? "no-tier";
    }

    /// <summary>
    /// Smaller is better. Idle time is measured from the end of the last call or the moment of becoming ready. A long, not
    /// a double: today's ticks (about 6.4e17) lose 7 bits in a double, so two agents freed within 13 µs of each other (a
    /// burst of hang-ups) tied and went by id instead of by who waited longer.
    /// </summary>
    private static long StrategyKey(QueueConfig queue, AgentView agent) => queue.Strategy switch
    {
        RoutingStrategy.LongestIdleAgent or RoutingStrategy.RingAll => (agent.IdleSince ?? agent.StatusSince).UtcTicks,
        RoutingStrategy.AgentWithLeastTalkTime => agent.TalkSeconds,
        RoutingStrategy.AgentWithFewestCalls => agent.CallsHandled,
        RoutingStrategy.TopDown => queue.TopDownOrder.IndexOf(agent.AgentId) is var i and >= 0 ? i : int.MaxValue,
        _ => 0,
    };

    /// <summary>Agents after the last one served come first, in id order, wrapping around.</summary>
    private static int RoundRobinDistance(string agentId, string? last) =>
        last is null ? 0 : string.CompareOrdinal(agentId, last) > 0 ? 0 : 1;

    private static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
