namespace HomeService.CallCenter;

/// <summary>How a queue picks among eligible agents (FreeSWITCH mod_callcenter names).</summary>
[GenerateSerializer, Alias("HomeService.CallCenter.RoutingStrategy")]
public enum RoutingStrategy
{
    LongestIdleAgent = 0,
    RoundRobin = 1,
    AgentWithLeastTalkTime = 2,
    AgentWithFewestCalls = 3,
    TopDown = 4,
    RingAll = 5,
    Random = 6,
}

public static class RoutingStrategies
{
    private static readonly Dictionary<string, RoutingStrategy> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["longest-idle-agent"] = RoutingStrategy.LongestIdleAgent,
        ["round-robin"] = RoutingStrategy.RoundRobin,
        ["agent-with-least-talk-time"] = RoutingStrategy.AgentWithLeastTalkTime,
        ["agent-with-fewest-calls"] = RoutingStrategy.AgentWithFewestCalls,
        ["top-down"] = RoutingStrategy.TopDown,
        ["ring-all"] = RoutingStrategy.RingAll,
        ["random"] = RoutingStrategy.Random,
    };

    /// <summary>The mod_callcenter name ("longest-idle-agent"); the enum's own name ("LongestIdleAgent") is taken too.</summary>
    public static bool TryParse(string name, out RoutingStrategy strategy) =>
        ByName.TryGetValue(name, out strategy)
        || (Enum.TryParse(name, ignoreCase: true, out strategy) && Enum.IsDefined(strategy) && !name.Any(char.IsAsciiDigit));

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    public static string Name(RoutingStrategy strategy) => ByName.First(p => p.Value == strategy).Key;
}
