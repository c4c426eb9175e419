namespace HomeService.WorkOrders;

/// <summary>A merchant as dispatch sees it at one moment.</summary>
public sealed record MerchantCandidate(
    string MerchantId,
    string Status,
    IReadOnlyCollection<string> Categories,
    IReadOnlyCollection<string> Districts,
    int CreditScore,
    int OpenOrders,
    int Capacity,
    double AcceptanceRate,
    bool Honoured = false);

/// <summary>An eligible merchant's place with the numbers behind it, so an agent can see "why this merchant".</summary>
public sealed record RankedMerchant(string MerchantId, double Score, int CreditScore, int OpenOrders, int Capacity, double AcceptanceRate,
    bool Honoured = false);

public sealed record SkippedMerchant(string MerchantId, string Reason);

public sealed record DispatchDecision(IReadOnlyList<RankedMerchant> Ranked, IReadOnlyList<SkippedMerchant> Skipped)
{
    public RankedMerchant? Best => Ranked.Count > 0 ? Ranked[0] : null;
}

/// <summary>
/// Ranks merchants for a service order. Eligible: admitted and not suspended (Active or Warned), serving the
/// category, covering the district, below capacity, and not one that refused this order. Score (0–100):
/// credit 60 %, free capacity 25 %, acceptance rate 15 %, plus <see cref="HonourBonus"/> points for a merchant on the
/// honour list (红名单), capped at 100; ties go to the lower merchant id, so it is deterministic. The honour raises an
/// eligible merchant; it never makes an ineligible one eligible.
/// </summary>
public static class DispatchRanking
{
    public const int NeutralCreditScore = 70;
    private const double CreditWeight = 0.60, LoadWeight = 0.25, AcceptanceWeight = 0.15;

    /// <summary>Points a merchant on the red list (红名单, the honour list) gains in the ranking.</summary>
    public const double HonourBonus = 8;

    /// <summary>A merchant with no answered offers yet is taken to accept 8 in 10; each answer moves the rate from there.</summary>
    private const double PriorAccepted = 8, PriorAnswered = 10;

    /// <summary>
    /// Share of offers accepted, smoothed towards the prior so one refusal does not sink a new merchant and a
    /// handful of acceptances does not lift one above a long, good record.
    /// </summary>
    public static double AcceptanceRate(int accepted, int answered) =>
        Math.Round((Math.Clamp(accepted, 0, Math.Max(answered, 0)) + PriorAccepted) / (Math.Max(answered, 0) + PriorAnswered), 3);

    /// <param name="districtNames">
    /// All names the order's district goes by (a renamed district keeps its former ones, which merchants' service areas may
    /// still say); null means just <paramref name="district"/>.
    /// </param>
    public static DispatchDecision Rank(string category, string district, IEnumerable<MerchantCandidate> merchants, IReadOnlySet<string> refusedBy,
        IReadOnlyCollection<string>? districtNames = null)
    {
        var names = districtNames ?? [district];
        var ranked = new List<RankedMerchant>();
        var skipped = new List<SkippedMerchant>();
        foreach (var m in merchants)
        {
            var reason = m.Status is not ("Active" or "Warned") ? $"status:{m.Status}"
                : !m.Categories.Contains(category) ? $"category:{category}"
                : !m.Districts.Any(names.Contains) ? $"district:{district}"
                : refusedBy.Contains(m.MerchantId) ? "refused-this-order"
                : m.OpenOrders >= m.Capacity ? $"at-capacity:{m.OpenOrders}/{m.Capacity}"
                : null;
            if (reason is not null)
            {
                skipped.Add(new SkippedMerchant(m.MerchantId, reason));
                continue;
            }
            var free = m.Capacity <= 0 ? 0 : 1 - (double)m.OpenOrders / m.Capacity;
            var score = CreditWeight * Math.Clamp(m.CreditScore, 0, 100) + LoadWeight * 100 * free + AcceptanceWeight * 100 * Math.Clamp(m.AcceptanceRate, 0, 1);
            if (m.Honoured) score = Math.Min(100, score + HonourBonus);
            ranked.Add(new RankedMerchant(m.MerchantId, Math.Round(score, 2), m.CreditScore, m.OpenOrders, m.Capacity, m.AcceptanceRate, m.Honoured));
        }
        return new DispatchDecision(
            ranked.OrderByDescending(r => r.Score).ThenBy(r => r.MerchantId, StringComparer.Ordinal).ToList(), skipped);
    }
}
