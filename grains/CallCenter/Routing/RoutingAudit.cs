using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomeService.CallCenter.Routing;

/// <summary>
/// What is kept of a routing decision for supervisors. A busy queue ranks hundreds of agents per call, so the record
/// keeps the best <see cref="KeptCandidates"/> candidates and every agent skipped for a reason of their own (missed
/// this call, proficiency, tier not yet open, taken meanwhile), while agents skipped only for their status are
/// counted per status: "status:OnCall ×120" answers the question as well as 120 lines do, at a fraction of the write.
/// </summary>
public static class RoutingAudit
{
    public const int KeptCandidates = 10;
    public const int KeptSkipped = 50;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public sealed record Skip(string? AgentId, string Reason, int? Count);

    public static IReadOnlyList<RankedAgent> Candidates(RoutingDecision decision) =>
        decision.Ranked.Count <= KeptCandidates ? decision.Ranked : decision.Ranked.Take(KeptCandidates).ToList();

    public static IReadOnlyList<Skip> Skipped(RoutingDecision decision, IEnumerable<SkippedAgent> refused)
    {
        var byStatus = new Dictionary<string, int>();
        var individual = new List<Skip>();
        foreach (var s in decision.Skipped.Concat(refused))
        {
            if (s.Reason.StartsWith("status:", StringComparison.Ordinal)) byStatus[s.Reason] = byStatus.GetValueOrDefault(s.Reason) + 1;
            else if (individual.Count < KeptSkipped) individual.Add(new Skip(s.AgentId, s.Reason, null));
        }
        return [.. individual, .. byStatus.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new Skip(null, g.Key, g.Value))];
    }

    public static string CandidatesJson(RoutingDecision decision) => JsonSerializer.Serialize(Candidates(decision), Json);

    public static string SkippedJson(RoutingDecision decision, IEnumerable<SkippedAgent> refused) => JsonSerializer.Serialize(Skipped(decision, refused), Json);
}
