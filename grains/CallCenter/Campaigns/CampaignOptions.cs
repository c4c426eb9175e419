namespace HomeService.CallCenter.Campaigns;

/// <summary>
/// "HomeService:Campaigns:TickEvery": how often a running campaign looks for numbers to dial;
/// "HomeService:Campaigns:QuietCallAfter": how long a call may stay silent before the campaign asks it where it stands.
/// </summary>
public sealed record CampaignOptions
{
    public TimeSpan TickEvery { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan QuietCallAfter { get; init; } = CampaignDialer.QuietCallAfter;
}
