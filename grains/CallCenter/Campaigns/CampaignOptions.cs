namespace HomeService.CallCenter.Campaigns;

/// <summary>"HomeService:Campaigns:TickEvery": how often a running campaign looks for numbers to dial.</summary>
public sealed record CampaignOptions
{
    public TimeSpan TickEvery { get; init; } = TimeSpan.FromSeconds(10);
}
