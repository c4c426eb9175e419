namespace HomeService.CallCenter.Campaigns;

/// <summary>
/// The "campaign.updated" push to supervisors: the campaign's status and counts, and only the numbers that changed since
/// the last push (a campaign may hold thousands), masked like everything a supervisor reads about them.
/// </summary>
public sealed record CampaignProgress(string CampaignId, string Status, int Targets, int Finished, int Answered,
    IReadOnlyList<CampaignTargetView> Changed);
