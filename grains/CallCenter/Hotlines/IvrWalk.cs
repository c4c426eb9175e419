using HomeService.CallCenter.Ivr;

namespace HomeService.CallCenter.Hotlines;

/// <summary>
/// A caller's walk through a platform IVR flow for given keys, by the same rules a call follows (<see cref="IvrSession"/>):
/// keys are separated by spaces, one entry per collection ("1 0": 1 in the main menu, 0 in the next; "4 20261118002#":
/// self-service and an order number; "-": silence until the timeout). It stops where the caller leaves the IVR, at an
/// order lookup (which needs the order itself), or where the keys run out.
/// </summary>
public static class IvrWalk
{
    public const int MaxKeys = 20;

    public sealed record Walked(IReadOnlyList<IvrWalkStep> Steps, IvrAction? Leave, string? Prompt, bool LooksUpOrder);

    public static Walked Run(IvrFlowDefinition flow, string keys)
    {
        var start = IvrSession.Start(flow);
        var steps = new List<IvrWalkStep> { new(start.Node, "", start.Outcome) };
        var at = start.Next!;
        var prompt = start.Say.LastOrDefault()?.Text;
        foreach (var key in Keys(keys))
        {
            var turn = IvrSession.Input(flow, at, key);
            steps.Add(new IvrWalkStep(turn.Node, key, turn.LookupOrder is { } order ? $"lookup {order}" : turn.Outcome));
            if (turn.LookupOrder is not null) return new Walked(steps, null, null, true);
            if (turn.Leave is { } action) return new Walked(steps, action, null, false);
            at = turn.Next!;
            prompt = turn.Say.LastOrDefault()?.Text;
        }
        return new Walked(steps, null, prompt, false);
    }

    public static IReadOnlyList<string> Keys(string? keys) =>
        (keys ?? "").Split([' ', ',', '，'], StringSplitOptions.RemoveEmptyEntries).Take(MaxKeys).Select(k => k == "-" ? "" : k).ToList();
}
