using HomeService.CallCenter.Hotlines;
using HomeService.CallCenter.Ivr;
using Microsoft.Extensions.DependencyInjection;

namespace HomeService.CallCenter.Calls;

/// <summary>
/// The platform IVR (IVR流程): an offer without an IVR choice on a number with a flow enters the flow's root menu; the
/// switch plays prompts and collects digits (CollectDigits) and reports them as DTMF events (empty digits: the collection
/// timed out). <see cref="IvrSession"/> decides each step; this part records it and carries out where the caller leaves to.
/// The call keeps the flow version it entered with, even if the flow is edited meanwhile.
/// </summary>
public sealed partial class CallGrain
{
    /// <summary>A property, not a field: the codec reads it while statics initialise, in no set order across partial files.</summary>
    private static (string Name, Type Type)[] IvrEvents =>
        [("CallIvrEntered", typeof(CallIvrEntered)), ("CallIvrStep", typeof(CallIvrStep)), ("CallIvrLeft", typeof(CallIvrLeft))];

    private const string CallbackBookedPrompt = "已为您预约回呼，请挂机，座席空闲后将立即给您回电。";
    private const string VoicemailPrompt = "请在提示音后留言，留言完毕请挂机。";

    private IvrFlowDefinition? _ivrFlow;

    /// <summary>A repeated offer of a call still in the IVR: the first may have died before the caller heard anything, so ask again.</summary>
    private async Task ResumeIvr()
    {
        if (Call.IvrFlowVersion is null)
        {
            if (await IvrFlows(Call.RouteNumber).Current() is { } flow) await StartIvr(flow);
            else await IvrLeave(new IvrAction(IvrActionKinds.Agent)); // the flow was removed under it: a person takes the call
        }
        else if (Call.InIvr && await IvrFlow() is { } definition)
        {
            // Not a miss: the caller only hears again the prompt of where they are.
            await Say([IvrSession.Repeat(definition, Position())]);
        }
    }

    private async Task StartIvr(IvrFlowVersion flow)
    {
        _ivrFlow = flow.Definition;
        var turn = IvrSession.Start(flow.Definition);
        await Record(new CallIvrEntered(flow.Version, flow.Definition.Root!, turn.Node, Now));
        await Say(turn.Say);
    }

    /// <summary>DTMF hook: the caller's keys (or a timeout, as empty digits) while in the IVR.</summary>
    private async Task IvrInput(string digits)
    {
        if (await IvrFlow() is not { } flow)
        {
            await IvrLeave(new IvrAction(IvrActionKinds.Agent));
            return;
        }
        var at = Position();
        var turn = IvrSession.Input(flow, at, digits);
        if (turn.LookupOrder is { } orderNo)
            turn = IvrSession.LookedUp(flow, at, orderNo, await ServiceProvider.GetRequiredService<OrderStatusLookup>().Status(orderNo));
        await Record(new CallIvrStep(turn.Node, turn.Input, turn.Outcome, turn.PathPart, turn.Next?.Menu, turn.Next?.Attempts ?? 0,
            turn.Next?.SelfService ?? false, Now));
        await Say(turn.Say);
        if (turn.Leave is { } action) await IvrLeave(action);
    }

    /// <summary>Where the caller goes from the IVR (the queue as the "what happens if" tool finds it: <see cref="CallEntries.IvrQueue"/>).</summary>
    private async Task IvrLeave(IvrAction action)
    {
        var vip = _story?.Member?.Vip == true ? VipPriority : 0;
        switch (action.Kind)
        {
            case IvrActionKinds.Queue:
            {
                var route = (await CallEntries.IvrQueue(GrainFactory, Call.RouteNumber, action))!;
                await Record(new CallIvrLeft(action.Kind, route.QueueId, route.Priority + vip, Now));
                await EnterQueue(route.QueueId, _story?.StickyAgentId);
                break;
            }
            case IvrActionKinds.Callback:
            {
                // Like a caller who books a callback while queued: the place is kept, the caller hangs up, an agent calls back.
                var route = (await CallEntries.IvrQueue(GrainFactory, Call.RouteNumber, action))!;
                await Record(new CallIvrLeft(action.Kind, route.QueueId, route.Priority + vip, Now));
                await EnterQueue(route.QueueId, _story?.StickyAgentId, announce: false);
                await Record(new CallbackRequested(null, Now));
                await gateway.PlayPrompt(CallId, CallbackBookedPrompt);
                await gateway.HangUp(CallId, "caller");
                break;
            }
            case IvrActionKinds.Voicemail:
                await Record(new CallIvrLeft(action.Kind, null, 0, Now));
                await gateway.PlayPrompt(CallId, VoicemailPrompt);
                await gateway.StartRecording(CallId);
                break;
            case IvrActionKinds.Info:
                await Record(new CallIvrLeft(action.Kind, null, 0, Now));
                await gateway.PlayPrompt(CallId, action.Text!);
                await gateway.HangUp(CallId, "caller");
                await End(null, "ivr", "info");
                break;
            default: // agent (人工服务): the number's own queue, the one a call without a choice goes to
            {
                var route = (await CallEntries.IvrQueue(GrainFactory, Call.RouteNumber, action with { Kind = IvrActionKinds.Agent }))!;
                await Record(new CallIvrLeft(IvrActionKinds.Agent, route.QueueId, route.Priority + vip, Now));
                await EnterQueue(route.QueueId, _story?.StickyAgentId);
                break;
            }
        }
    }

    /// <summary>Hang-up hook: a caller who hangs up after leaving a message has done what they came for.</summary>
    private string IvrEndCause(string cause) => Call.InVoicemail ? "voicemail" : cause;

    /// <summary>Recording hook: the message is stored (the recording event did that); the call ends as a voicemail.</summary>
    private async Task VoicemailRecorded()
    {
        if (!Call.InVoicemail || !Call.IsLive) return;
        await gateway.HangUp(CallId, "caller");
        await End(null, "caller", "voicemail");
    }

    private async Task Say(IReadOnlyList<IvrPrompt> prompts)
    {
        foreach (var p in prompts)
            if (p.Collect) await gateway.CollectDigits(CallId, p.Text, p.MaxDigits, p.TimeoutSeconds);
            else await gateway.PlayPrompt(CallId, p.Text);
    }

    private IvrPosition Position() => new(Call.IvrMenu!, Call.IvrAttempts, Call.IvrSelfService);

    /// <summary>The version the call entered with, never a newer one.</summary>
    private async Task<IvrFlowDefinition?> IvrFlow() =>
        _ivrFlow ??= Call.IvrFlowVersion is { } version ? (await IvrFlows(Call.RouteNumber).GetVersion(version))?.Definition : null;

    private IIvrFlowGrain IvrFlows(string dialled) => GrainFactory.GetGrain<IIvrFlowGrain>(dialled);
}
