using Orleans.Concurrency;

namespace HomeService.CallCenter.Campaigns;

/// <summary>One number of a campaign; a follow-up campaign's numbers carry the order they follow up.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.Campaigns.CampaignNumber")]
public sealed record CampaignNumber(
    [property: Id(0)] string Number,
    [property: Id(1)] string? OrderNo);

/// <summary>
/// An IVR outbound campaign (IVR外呼) as created: kind "follow-up" (回访: "press 1 to 5") or "notice" (a message and one
/// key). Pacing: at most that many calls in flight. A call not answered (or busy, or no key pressed) is tried again
/// after RetryAfterMinutes, at most MaxAttempts calls per number. Calls start only between AllowedFrom and AllowedTo
/// ("HH:mm", Asia/Shanghai; equal means all day).
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.Campaigns.CampaignSpec")]
public sealed record CampaignSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Prompt,
    [property: Id(3)] IReadOnlyList<CampaignNumber> Numbers,
    [property: Id(4)] int Pacing,
    [property: Id(5)] int RetryAfterMinutes,
    [property: Id(6)] int MaxAttempts,
    [property: Id(7)] string AllowedFrom,
    [property: Id(8)] string AllowedTo,
    [property: Id(9)] string CreatedBy)
{
    public const string FollowUp = "follow-up";
    public const string Notice = "notice";
}

[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.Campaigns.CampaignTargetView")]
public sealed record CampaignTargetView(
    [property: Id(0)] int TargetNo,
    [property: Id(1)] string Number,
    [property: Id(2)] string? OrderNo,
    [property: Id(3)] int Attempts,
    [property: Id(4)] bool InFlight,
    [property: Id(5)] string? LastOutcome,
    [property: Id(6)] string? Result,
    [property: Id(7)] string? Digits,
    [property: Id(8)] DateTimeOffset? NextAttemptAt);

[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.Campaigns.CampaignView")]
public sealed record CampaignView(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Prompt,
    [property: Id(4)] string Status,
    [property: Id(5)] int Pacing,
    [property: Id(6)] int RetryAfterMinutes,
    [property: Id(7)] int MaxAttempts,
    [property: Id(8)] string AllowedFrom,
    [property: Id(9)] string AllowedTo,
    [property: Id(10)] IReadOnlyList<CampaignTargetView> Targets,
    [property: Id(11)] long Version);

/// <summary>What one campaign call came to (CallCampaignSettled) and the final results per number.</summary>
public static class CampaignOutcomes
{
    public const string Answered = "answered";
    public const string NoAnswer = "no-answer";
    public const string Busy = "busy";
    /// <summary>Answered, but no key 1–5 before the switch gave up.</summary>
    public const string NoKey = "no-key";
    public const string Failed = "failed";
    /// <summary>The switch refused to place the call.</summary>
    public const string SwitchError = "switch-error";
    /// <summary>A final result: the number was tried MaxAttempts times without an answer.</summary>
    public const string OutOfAttempts = "out-of-attempts";
}

/// <summary>One campaign (key: its id). It dials on its own timer while running; calls report back until it confirms.</summary>
[Alias("HomeService.CallCenter.Campaigns.ICampaignGrain")]
public interface ICampaignGrain : IGrainWithStringKey
{
    [Alias("Create")] Task<CommandResult<CampaignView>> Create(CampaignSpec spec);
    [Alias("Start")] Task<CommandResult<CampaignView>> Start(string actor);
    [Alias("Pause")] Task<CommandResult<CampaignView>> Pause(string actor);
    [AlwaysInterleave, Alias("Get")] Task<CampaignView?> Get();
    /// <summary>
    /// From the campaign's call: what it came to (a CampaignOutcomes value; digits for an answer). Acknowledged, not
    /// one-way: the call repeats it until it returns, and a repeat changes nothing.
    /// </summary>
    [Alias("CallSettled")] Task CallSettled(int targetNo, string callId, string outcome, string? digits);
}
