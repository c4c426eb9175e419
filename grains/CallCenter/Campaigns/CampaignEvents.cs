namespace HomeService.CallCenter.Campaigns;

public sealed record CampaignCreated(CampaignSpec Spec, DateTimeOffset At);
public sealed record CampaignStarted(string By, DateTimeOffset At);
public sealed record CampaignPaused(string By, DateTimeOffset At);
public sealed record CampaignFinished(DateTimeOffset At);
/// <summary>A call to the target was placed (attempt counts from 1); CallId is the switch's id, null when the switch refused.</summary>
public sealed record CampaignCallPlaced(int TargetNo, string? CallId, int Attempt, DateTimeOffset At);
/// <summary>
/// An attempt came to Outcome. Result is the number's final result (answered, failed, out-of-attempts) or null when it
/// will be tried again at RetryAt.
/// </summary>
/// <summary>A follow-up number's final result reached its order (IFollowUpResultSink).</summary>
public sealed record CampaignResultHanded(int TargetNo, DateTimeOffset At);
public sealed record CampaignAttemptSettled(int TargetNo, string? CallId, string Outcome, string? Digits, string? Result, DateTimeOffset? RetryAt,
    DateTimeOffset At);
