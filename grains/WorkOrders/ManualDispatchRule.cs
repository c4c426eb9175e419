namespace HomeService.WorkOrders;

/// <summary>
/// Whom a dispatcher may give an order to by hand. The merchants dispatch ranks come first, best first (one that refused
/// this order among them: a phone call may change its mind). When none fits, or the dispatcher knows better, any active
/// merchant may be chosen (of the order's category first, then the rest), each with the rule it breaks, and the choice
/// needs a reason that goes to the audit log. A merchant that is not active (suspended, not yet admitted) is never a choice.
/// </summary>
public static class ManualDispatchRule
{
    /// <summary>Merchants dispatch may hand orders to at all: admitted and not suspended.</summary>
    public static bool IsActive(string status) => status is "Active" or "Warned";

    /// <param name="decision">A ranking that ignores refusals (a refusal is no bar to a manual dispatch).</param>
    /// <param name="refusedBy">Merchants that refused this order before.</param>
    public static IReadOnlyList<ManualDispatchChoice> Choices(DispatchDecision decision, IEnumerable<MerchantCandidate> merchants, string category,
        IReadOnlySet<string> refusedBy)
    {
        var byId = merchants.ToDictionary(m => m.MerchantId);
        var choices = decision.Ranked
            .Select(r => new ManualDispatchChoice(r.MerchantId, true, true, r.Score, refusedBy.Contains(r.MerchantId) ? "refused-this-order" : null, true, r.Honoured))
            .ToList();
        var others = decision.Skipped
            .Where(s => byId.ContainsKey(s.MerchantId))
            .Select(s => (Skip: s, Merchant: byId[s.MerchantId]))
            .Select(x => new ManualDispatchChoice(x.Skip.MerchantId, false, IsActive(x.Merchant.Status), null, x.Skip.Reason,
                x.Merchant.Categories.Contains(category), x.Merchant.Honoured))
            .OrderByDescending(c => c.Allowed).ThenByDescending(c => c.SameCategory).ThenBy(c => c.MerchantId, StringComparer.Ordinal);
        choices.AddRange(others);
        return choices;
    }

    /// <summary>Null when the dispatcher may give the order to the merchant; otherwise the field error on merchantId.</summary>
    public static string? Refusal(IReadOnlyList<ManualDispatchChoice> choices, string merchantId) =>
        string.IsNullOrWhiteSpace(merchantId) ? "required"
        : choices.FirstOrDefault(c => c.MerchantId == merchantId) is not { } choice ? "unknown"
        : choice.Allowed ? null
        : "not-active";
}
