namespace HomeService.CallCenter.Routing;

/// <summary>Why an agent was not offered a call: the supervisor reads these per call.</summary>
public sealed record SkippedAgent(string AgentId, string Reason);

/// <summary>The ranked agents for one call, best first, and every agent left out with the reason.</summary>
public sealed record RoutingDecision(IReadOnlyList<RankedAgent> Ranked, IReadOnlyList<SkippedAgent> Skipped)
{
    public RankedAgent? Best => Ranked.Count > 0 ? Ranked[0] : null;
}

/// <summary>An eligible agent with the tier that let them in, their proficiency for it, and how long they had been idle.</summary>
public sealed record RankedAgent(string AgentId, int Tier, int Proficiency, DateTimeOffset IdleSince);
