using HomeService.CallCenter.Routing;

namespace HomeService.Tests.Unit.CallCenter;

public sealed class RoutingAuditTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keeps_the_best_candidates_and_every_agent_skipped_for_a_reason_of_their_own_but_counts_status_skips()
    {
        var ranked = Enumerable.Range(1, 25).Select(i => new RankedAgent($"A{i:00}", 0, 5, T0.AddSeconds(i))).ToList();
        var skipped = Enumerable.Range(1, 120).Select(i => new SkippedAgent($"B{i:000}", i % 3 == 0 ? "status:NotReady" : "status:OnCall"))
            .Append(new SkippedAgent("C1", "missed-this-call")).Append(new SkippedAgent("C2", "tier-not-open:1@20s")).ToList();
        var decision = new RoutingDecision(ranked, skipped);

        Assert.Equal(ranked.Take(RoutingAudit.KeptCandidates).Select(r => r.AgentId), RoutingAudit.Candidates(decision).Select(r => r.AgentId));
        var kept = RoutingAudit.Skipped(decision, [new SkippedAgent("C3", "taken-meanwhile")]);
        Assert.Equal(
        [
            new RoutingAudit.Skip("C1", "missed-this-call", null), new RoutingAudit.Skip("C2", "tier-not-open:1@20s", null),
            new RoutingAudit.Skip("C3", "taken-meanwhile", null),
            new RoutingAudit.Skip(null, "status:NotReady", 40), new RoutingAudit.Skip(null, "status:OnCall", 80),
        ], kept);
        Assert.DoesNotContain("agentId", RoutingAudit.SkippedJson(new RoutingDecision([], [new SkippedAgent("B1", "status:OnCall")]), []));
    }
}
