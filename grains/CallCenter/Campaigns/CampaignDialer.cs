namespace HomeService.CallCenter.Campaigns;

/// <summary>
/// The campaign's rules, without a cluster: which numbers to dial now (pacing, retry times, allowed hours in
/// Asia/Shanghai) and what an attempt's outcome makes of the number (final result or a retry later).
/// </summary>
public static class CampaignDialer
{
    /// <summary>Asia/Shanghai has had no daylight saving since 1991: a fixed offset is exact and needs no tz database.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Outcomes after which the number is tried again (while attempts remain).</summary>
    public static readonly IReadOnlySet<string> Retryable = new HashSet<string>
    {
        CampaignOutcomes.NoAnswer, CampaignOutcomes.Busy, CampaignOutcomes.NoKey, CampaignOutcomes.SwitchError,
    };

    /// <summary>[from, to) in Beijing time; a window may run past midnight (from later than to); from == to is all day.</summary>
    public static bool InAllowedHours(CampaignSpec spec, DateTimeOffset now)
    {
        if (!CampaignSpecRules.TryParseTime(spec.AllowedFrom, out var from) || !CampaignSpecRules.TryParseTime(spec.AllowedTo, out var to)) return false;
        if (from == to) return true;
        var local = TimeOnly.FromTimeSpan(now.ToOffset(China).TimeOfDay);
        return from < to ? local >= from && local < to : local >= from || local < to;
    }

    /// <summary>The targets to call now, oldest retry first, no more than the pacing leaves room for.</summary>
    public static IReadOnlyList<CampaignTarget> Due(Campaign campaign, DateTimeOffset now)
    {
        if (campaign.Status != Campaign.Running || campaign.Spec is not { } spec || !InAllowedHours(spec, now)) return [];
        var room = spec.Pacing - campaign.InFlight;
        if (room <= 0) return [];
        return campaign.Targets
            .Where(t => !t.Done && !t.InFlight && t.Attempts < spec.MaxAttempts && (t.NextAttemptAt is null || t.NextAttemptAt <= now))
            .OrderBy(t => t.NextAttemptAt ?? DateTimeOffset.MinValue).ThenBy(t => t.No)
            .Take(room)
            .ToList();
    }

    /// <summary>
    /// What an attempt's outcome makes of the number, or null when it is not the call in flight (a late or repeated
    /// report). Answered and failed are final; the others retry after the campaign's delay until attempts run out.
    /// </summary>
    public static CampaignAttemptSettled? Settle(Campaign campaign, int targetNo, string? callId, string outcome, string? digits, DateTimeOffset now)
    {
        if (campaign.Spec is not { } spec || campaign.Target(targetNo) is not { } target) return null;
        if (!target.InFlight || target.InFlightCallId != callId || target.Done) return null;
        if (!Retryable.Contains(outcome))
            return new CampaignAttemptSettled(targetNo, callId, outcome, digits, outcome == CampaignOutcomes.Answered ? CampaignOutcomes.Answered : CampaignOutcomes.Failed, null, now);
        return target.Attempts >= spec.MaxAttempts
            ? new CampaignAttemptSettled(targetNo, callId, outcome, null, CampaignOutcomes.OutOfAttempts, null, now)
            : new CampaignAttemptSettled(targetNo, callId, outcome, null, null, now.AddMinutes(spec.RetryAfterMinutes), now);
    }

    /// <summary>
    /// Follow-up numbers whose final result has not yet reached their order (the hand-over failed or the silo stopped in
    /// between): the campaign tries again on every tick, so a result is handed over at least once.
    /// </summary>
    public static IReadOnlyList<CampaignTarget> PendingHandOvers(Campaign campaign) =>
        campaign.Spec?.Kind == CampaignSpec.FollowUp ? campaign.Targets.Where(t => t.Done && !t.Handed && t.OrderNo is not null).ToList() : [];

    /// <summary>
    /// A call in flight this long without a word from it is asked where it stands: its report may have been lost with a
    /// silo, or the call never reached its grain. Longer than any ring plus the prompt and the key collection.
    /// </summary>
    public static readonly TimeSpan QuietCallAfter = TimeSpan.FromMinutes(2);

    /// <summary>Calls in flight that have been quiet for <paramref name="after"/> (default <see cref="QuietCallAfter"/>).</summary>
    public static IReadOnlyList<CampaignTarget> QuietCalls(Campaign campaign, DateTimeOffset now, TimeSpan? after = null) =>
        campaign.Targets.Where(t => t.InFlight && t.InFlightCallId is not null && t.PlacedAt is { } at && now - at >= (after ?? QuietCallAfter)).ToList();

    /// <summary>Every number has its final result.</summary>
    public static bool IsFinished(Campaign campaign) => campaign.Targets.All(t => t.Done);
}
