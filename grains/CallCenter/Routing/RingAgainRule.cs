namespace HomeService.CallCenter.Routing;

/// <summary>
/// When an agent rejects a call or lets it ring out, that agent is passed over for the same call for a short while
/// (the ring-again delay), so a colleague gets it first. It is never a ban for the call's whole life: once the delay has
/// passed the agent can be offered it again, and while no other agent could take it the agent is not held back at all.
/// </summary>
public static class RingAgainRule
{
    public const string HeldBackReason = "missed-this-call";

    /// <summary>The agents who missed this call less than <paramref name="delay"/> ago.</summary>
    public static IReadOnlySet<string> HeldBack(IReadOnlyDictionary<string, DateTimeOffset> missedAt, DateTimeOffset now, TimeSpan delay)
    {
        var held = new HashSet<string>();
        foreach (var (agentId, at) in missedAt)
            if (now - at < delay) held.Add(agentId);
        return held;
    }

    /// <summary>
    /// Ranks agents for a waiting call with recent missers held back; when that leaves nobody to ring although a
    /// missing agent could take the call, ranks again without holding anyone back (the missers are the only ones).
    /// </summary>
    public static RoutingDecision Rank(
        QueueConfig queue,
        TimeSpan waited,
        IEnumerable<AgentView> roster,
        IReadOnlyDictionary<string, DateTimeOffset> missedAt,
        DateTimeOffset now,
        TimeSpan delay,
        string? lastRoundRobinAgent,
        Random random)
    {
        var agents = roster as IReadOnlyCollection<AgentView> ?? roster.ToList();
        var held = HeldBack(missedAt, now, delay);
        var decision = AgentSelector.Rank(queue, waited, agents, held, lastRoundRobinAgent, random);
        if (decision.Ranked.Count > 0 || held.Count == 0 || !decision.Skipped.Any(s => s.Reason == HeldBackReason)) return decision;
        return AgentSelector.Rank(queue, waited, agents, new HashSet<string>(), lastRoundRobinAgent, random);
    }
}
