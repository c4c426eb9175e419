namespace HomeService.CallCenter.Campaigns;

/// <summary>
/// Where a follow-up campaign's results go: the work-order engine. Score is the key pressed (1–5); unreachable when
/// the number was tried as often as the campaign allows without an answer.
/// </summary>
public interface IFollowUpResultSink
{
    Task Deliver(string orderNo, int? score, bool unreachable, string campaignId);
}
