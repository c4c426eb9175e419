using HomeService.CallCenter.Campaigns;
using HomeService.Realtime;
using Microsoft.Extensions.Logging;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// Calls the platform places. An agent's outbound call (座席外呼) reserves the agent while the switch dials and pops
/// whom it is to (去电弹屏); the switch's "answered" for the agent's seat connects it like an inbound answer (recording,
/// OnCall), and its hang-up sends the agent to wrap-up. A campaign call (IVR外呼) has no agent: when the callee answers
/// it plays the campaign's prompt and collects one key, and whatever the call comes to goes back to its campaign.
/// </summary>
public sealed partial class CallGrain : ICallOutboundGrain
{
    private const int OutboundWrapUpSeconds = 30;
    private const int CampaignKeyTimeoutSeconds = 10;

    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] OutboundEvents =>
        [("CallOriginated", typeof(CallOriginated)), ("CallCalleeAnswered", typeof(CallCalleeAnswered)), ("CallCampaignSettled", typeof(CallCampaignSettled))];

    public async Task<CommandResult<CallView>> StartAgentOutbound(string agentId, string number, OutboundTarget target)
    {
        if (Call.Exists) return Refuse("exists");
        if (!await Agent(agentId).TryReserve(CallId, HomeService.CallCenter.Recording.IRecordingPolicyGrain.OutboundQueue))
        {
            await gateway.HangUp(CallId, "caller"); // the agent took a call meanwhile: drop the dialling
            return Refuse("agent-not-ready");
        }
        await Record(new CallOriginated("agent-outbound", agentId, number, target, null, 0, null, OutboundWrapUpSeconds, Now));
        await GrainFactory.Push(PushGroups.Agent(agentId), "call.outbound", new OutboundPop(MaskedView(), target), Call.Version);
        return CommandResult<CallView>.Ok(MaskedView());
    }

    public async Task<bool> StartCampaignCall(string campaignId, int targetNo, string number, string prompt)
    {
        if (Call.Exists) return Call.CampaignId == campaignId && Call.CampaignTargetNo == targetNo; // a retried start is fine
        await Record(new CallOriginated($"campaign:{campaignId}", null, number, null, campaignId, targetNo, prompt, 0, Now));
        return true;
    }

    public Task<CampaignCallStatus> GetCampaignCallStatus() =>
        Task.FromResult(new CampaignCallStatus(Call.Exists && Call.IsCampaignCall, Call.IsLive, Call.CampaignOutcome, Call.CampaignDigits));

    public async Task<CallView?> CalleeAnswered(string eventId)
    {
        if (!Call.IsOutbound) return null;
        if (Call.Status != CallStatus.Ringing || Call.Seen(eventId)) return Call.View();
        if (Call.RingingAgents is [var agentId]) await Answer(agentId, "phone", eventId);
        else if (Call.IsCampaignCall)
        {
            await Record(new CallCalleeAnswered(eventId, Now));
            await gateway.CollectDigits(CallId, Call.CampaignPrompt!, 1, CampaignKeyTimeoutSeconds);
        }
        return Call.View();
    }

    /// <summary>The agent puts the phone down while the switch still dials (reject or hang-up on the console).</summary>
    private async Task<CommandResult<CallView>> CancelOutbound(string agentId)
    {
        if (Call.Status != CallStatus.Ringing || !Call.RingingAgents.Contains(agentId)) return Refuse("not-your-connected-call");
        await gateway.HangUp(CallId, "caller");
        await End(null, $"agent:{agentId}", "cancelled");
        return CommandResult<CallView>.Ok(MaskedView());
    }

    public Task<OutboundPop?> GetOutboundPop() =>
        Task.FromResult(Call.OutboundTarget is { } target ? new OutboundPop(MaskedView(), target) : null);

    /// <summary>The agent dials by naming whom to call, so the pop carries the number masked, like the target's profile.</summary>
    private CallView MaskedView() => Call.View() with { Caller = PersonalData.MaskPhone(Call.Caller) };

    /// <summary>Keys pressed on a live call (hook in Dtmf): a campaign callee's 1–5 is their answer; other keys hear the prompt again.</summary>
    private async Task OutboundDigits(string digits)
    {
        if (!Call.IsCampaignCall || !Call.CalleeAnswered || Call.CampaignOutcome is not null || !Call.IsLive) return;
        if (digits.Length == 0)
        {
            // The collect timed out (an empty dtmf, telephony §6.2): the callee is there but not pressing; stop asking.
            await SettleCampaignCall(CampaignOutcomes.NoKey, null);
            await gateway.PlayPrompt(CallId, "未收到您的按键，再见。");
            await gateway.HangUp(CallId, "caller");
            await End(null, "system", "campaign-no-key");
            return;
        }
        var key = digits[0];
        if (key is < '1' or > '5')
        {
            await gateway.CollectDigits(CallId, Call.CampaignPrompt!, 1, CampaignKeyTimeoutSeconds);
            return;
        }
        await SettleCampaignCall(CampaignOutcomes.Answered, key.ToString());
        await gateway.PlayPrompt(CallId, "感谢您的评价，再见。");
        await gateway.HangUp(CallId, "caller");
        await End(null, "system", "campaign-answered");
    }

    /// <summary>The call ended (hook in End): a campaign call not yet settled tells its campaign why.</summary>
    private async Task OutboundEnded(string cause)
    {
        if (!Call.IsCampaignCall || Call.CampaignOutcome is not null) return;
        var outcome = Call.CalleeAnswered ? CampaignOutcomes.NoKey
            : cause == "busy" ? CampaignOutcomes.Busy
            : cause is "failed" or "invalid-number" or "unallocated" ? CampaignOutcomes.Failed
            : CampaignOutcomes.NoAnswer;
        await SettleCampaignCall(outcome, null);
    }

    private async Task SettleCampaignCall(string outcome, string? digits)
    {
        await Record(new CallCampaignSettled(outcome, digits, Now));
        _campaignReportTries = 0;
        // Off the switch's request, and interleaved, so the campaign may ask this call where it stands meanwhile.
        _campaignReport ??= this.RegisterGrainTimer(ReportToCampaign,
            new GrainTimerCreationOptions(TimeSpan.Zero, CampaignReportEvery) { Interleave = true, KeepAlive = true });
    }

    private static readonly TimeSpan CampaignReportEvery = TimeSpan.FromSeconds(2);
    private const int CampaignReportTries = 30;
    private IGrainTimer? _campaignReport;
    private int _campaignReportTries;

    /// <summary>
    /// Tells the campaign what the call came to, again every couple of seconds until it confirms: its silo may be gone
    /// (settling is idempotent there). After a minute the campaign's own quiet-call check reads the outcome from here.
    /// </summary>
    private async Task ReportToCampaign(CancellationToken ct)
    {
        try
        {
            await GrainFactory.GetGrain<ICampaignGrain>(Call.CampaignId!).CallSettled(Call.CampaignTargetNo, CallId, Call.CampaignOutcome!, Call.CampaignDigits);
        }
        catch (Exception e)
        {
            if (++_campaignReportTries < CampaignReportTries)
            {
                logger.LogInformation("Call {Call}: campaign {Campaign} did not confirm the outcome yet ({Error}); trying again", CallId, Call.CampaignId, e.Message);
                return;
            }
            logger.LogWarning(e, "Call {Call}: campaign {Campaign} never confirmed the outcome; its quiet-call check will read it", CallId, Call.CampaignId);
        }
        _campaignReport?.Dispose();
        _campaignReport = null;
    }
}
