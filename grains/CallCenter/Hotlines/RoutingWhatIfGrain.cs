using Orleans.Concurrency;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// "What happens if": the path of <see cref="CallEntries.Follow"/> (what an offered call runs), then, if the platform IVR
/// answers, the walk through the flow version the call would enter and the queue it would leave to (<see cref="CallEntries.IvrQueue"/>,
/// what the call runs when it leaves the IVR). Nothing is recorded.
/// </summary>
[StatelessWorker]
public sealed class RoutingWhatIfGrain : Grain, IRoutingWhatIfGrain
{
    public async Task<RoutingWhatIf> Ask(string dialled, string caller, string? ivrChoice, string keys, DateTimeOffset at)
    {
        var path = await CallEntries.Follow(GrainFactory, dialled, caller, ivrChoice, at);
        var last = path.Last;
        if (path.Ending != EntryOutcomes.Ivr || last.IvrFlowVersion is not { } version
            || await GrainFactory.GetGrain<IIvrFlowGrain>(last.Dialled).GetVersion(version) is not { } flow)
            return new RoutingWhatIf(path, []);
        var walk = IvrWalk.Run(flow.Definition, keys);
        var queue = walk.Leave is { } action ? await CallEntries.IvrQueue(GrainFactory, last.Dialled, action) : null;
        var end = walk.LooksUpOrder ? IvrActionKinds.SelfService : walk.Leave?.Kind ?? IvrActionKinds.Menu;
        return new RoutingWhatIf(path, walk.Steps, end, queue, walk.Prompt);
    }
}
