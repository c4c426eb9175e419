using HomeService.Telephony;
using Orleans.Concurrency;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// Places an agent's outbound call (座席外呼). The switch names the call, so the call grain can only be reached after
/// the originate; the agent is checked first so a busy agent does not make the switch dial at all, and the call grain
/// reserves the agent for good (and drops the dialling if the agent took another call meanwhile).
/// </summary>
[StatelessWorker]
public sealed class OutboundDialerGrain(ICtiGateway gateway) : Grain, IOutboundDialerGrain
{
    public async Task<CommandResult<CallView>> PlaceAgentCall(string agentId, string number, OutboundTarget target)
    {
        var agent = await GrainFactory.GetGrain<IAgentGrain>(agentId).Get();
        if (agent.Status != AgentStatus.Available || agent.CallId is not null)
            return CommandResult<CallView>.Invalid(new Dictionary<string, string[]> { ["status"] = [$"not-available:{agent.Status}"] });
        var seat = (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetAgent(agentId))?.Extension ?? agentId;
        var callId = await gateway.Originate(number, seat, "agent-outbound");
        return await GrainFactory.GetGrain<ICallOutboundGrain>(callId).StartAgentOutbound(agentId, number, target);
    }
}
