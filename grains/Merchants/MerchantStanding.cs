namespace HomeService.Merchants;

/// <summary>
/// Market exit by rule (行业自律的市场准入与退出机制), from settings <c>HomeService:Merchants</c>: a credit score below
/// the threshold for <see cref="DaysBelowToWarn"/> days warns the merchant; still below <see cref="GraceDays"/> days
/// after the warning suspends it, pending an admin's confirmation of the exit. A score back at the threshold ends a warning.
/// </summary>
public sealed record StandingPolicy
{
    // Set by the silo's settings applier when an operator changes them on /admin/settings.
    public int Threshold { get; set; } = 60;
    public int DaysBelowToWarn { get; set; } = 30;
    public int GraceDays { get; set; } = 30;
}

/// <summary>A change of status the rules call for, with its reason code.</summary>
public sealed record StandingChange(MerchantStatus To, string Reason, bool AwaitingExitConfirmation = false);

public static class MerchantStanding
{
    /// <summary>What the rules say now, or null for no change. The black list comes first: it suspends whatever the score.</summary>
    public static StandingChange? Evaluate(Merchant m, StandingPolicy policy, DateTimeOffset now)
    {
        if (m.Banned && m.Status is MerchantStatus.Active or MerchantStatus.Warned)
            return new(MerchantStatus.Suspended, "listed:black");
        var below = m.LowSince is not null;
        return m.Status switch
        {
            MerchantStatus.Active when below && now - m.LowSince!.Value >= TimeSpan.FromDays(policy.DaysBelowToWarn)
                => new(MerchantStatus.Warned, "credit-below-threshold"),
            MerchantStatus.Warned when !below => new(MerchantStatus.Active, "credit-recovered"),
            MerchantStatus.Warned when now - m.StatusSince >= TimeSpan.FromDays(policy.GraceDays)
                => new(MerchantStatus.Suspended, "credit-still-below", AwaitingExitConfirmation: true),
            _ => null,
        };
    }

    /// <summary>When the rules should look again without any new event: the next day a warning or suspension can fall due.</summary>
    public static DateTimeOffset? NextCheck(Merchant m, StandingPolicy policy) => m.Status switch
    {
        MerchantStatus.Active when m.LowSince is { } low => low.AddDays(policy.DaysBelowToWarn),
        MerchantStatus.Warned when m.LowSince is not null => m.StatusSince.AddDays(policy.GraceDays),
        _ => null,
    };

    /// <summary>What an admin may do from here, or why not.</summary>
    public static string? CannotReview(Merchant m) => m.Status == MerchantStatus.Applied ? null : $"not-allowed-from:{m.Status}";

    public static string? CannotDecideSuspension(Merchant m) =>
        m.Status != MerchantStatus.Suspended ? $"not-allowed-from:{m.Status}"
        : m.Banned ? "listed" // take it off the black list first: a banned merchant is not reinstated or exited by the score rule
        : null;

    /// <summary>A manual suspension (暂停接单) is for a merchant that takes orders now.</summary>
    public static string? CannotSuspend(Merchant m) => m.ReceivesOffers ? null : $"not-allowed-from:{m.Status}";
}
