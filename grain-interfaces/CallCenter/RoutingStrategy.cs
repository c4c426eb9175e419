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

    public static bool TryParse(string name, out RoutingStrategy strategy) => ByName.TryGetValue(name, out strategy);

    public static string Name(RoutingStrategy strategy) => ByName.First(p => p.Value == strategy).Key;
}
