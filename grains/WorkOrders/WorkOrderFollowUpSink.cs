using HomeService.CallCenter.Campaigns;
using Microsoft.Extensions.Logging;

namespace HomeService.WorkOrders;

/// <summary>Hands an IVR follow-up (回访) result to the order as its follow-up outcome, channel "ivr".</summary>
public sealed class WorkOrderFollowUpSink(IGrainFactory grains, ILogger<WorkOrderFollowUpSink> logger) : IFollowUpResultSink
{
    public async Task Deliver(string orderNo, int? score, bool unreachable, string campaignId)
    {
        var comment = unreachable ? "IVR回访未接通" : $"IVR回访满意度 {score}";
        // The IVR asks for satisfaction only; a score of 3 or more is taken as "resolved", so a poor one (1–2) opens a
        // linked complaint exactly as an agent's poor follow-up does.
        bool? resolved = unreachable ? null : score >= 3;
        var result = await grains.GetGrain<IWorkOrderGrain>(orderNo).RecordFollowUp(
            new FollowUpOutcome("ivr", unreachable ? null : score, resolved, comment, unreachable, $"campaign:{campaignId}"));
        // An order followed up meanwhile by an agent refuses the late IVR result; that is not an error of the campaign.
        if (!result.Succeeded)
            logger.LogInformation("Order {Order} did not take the IVR follow-up of campaign {Campaign}: {Errors}", orderNo, campaignId,
                string.Join("; ", result.Errors!.Select(e => $"{e.Key}: {string.Join(",", e.Value)}")));
    }
}
