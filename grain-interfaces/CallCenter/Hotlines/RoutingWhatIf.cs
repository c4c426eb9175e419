namespace HomeService.CallCenter;

/// <summary>
/// "What happens if" a call comes in: the routing path an offered call would take (the same code a call runs), and,
/// when the platform IVR answers, the walk through its menus for the keys given, to where the caller leaves it.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.RoutingWhatIf")]
public sealed record RoutingWhatIf(
    [property: Id(0)] RoutingPath Path,
    [property: Id(1)] IReadOnlyList<IvrWalkStep> IvrSteps,
    [property: Id(2)] string? IvrEnd = null,
    [property: Id(3)] HotlineRoute? IvrQueue = null,
    [property: Id(4)] string? IvrPrompt = null);

/// <summary>One step in the IVR: at Menu the caller pressed Input ("" = nothing) and Outcome followed (as a call's timeline says it).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.IvrWalkStep")]
public sealed record IvrWalkStep(
    [property: Id(0)] string Menu,
    [property: Id(1)] string Input,
    [property: Id(2)] string Outcome);

/// <summary>Answers "what happens if" questions; stateless, it asks the hotline, calendar and blacklist grains as a call does.</summary>
[Alias("HomeService.CallCenter.IRoutingWhatIfGrain")]
public interface IRoutingWhatIfGrain : IGrainWithIntegerKey
{
    /// <param name="caller">The calling number ("anonymous" for a withheld one).</param>
    /// <param name="ivrChoice">A choice made in the switch's own IVR, or null.</param>
    /// <param name="keys">Keys pressed in the platform IVR, one per menu ("1 0": 1 in the first menu, 0 in the next).</param>
    [Alias("Ask")] Task<RoutingWhatIf> Ask(string dialled, string caller, string? ivrChoice, string keys, DateTimeOffset at);
}
