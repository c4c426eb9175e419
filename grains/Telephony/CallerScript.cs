namespace HomeService.Telephony;

/// <summary>One simulated caller: when they call, what they press, how long they wait and how long they talk.</summary>
public sealed record ScriptedCaller(string CallId, TimeSpan At, string Number, string? IvrChoice, TimeSpan Patience, TimeSpan TalkTime);

/// <summary>The shape of simulated traffic. Choices are weighted ("2" twice as likely as "3": {"2": 2, "3": 1}).</summary>
public sealed record CallerProfile(
    double CallsPerSecond,
    TimeSpan Duration,
    IReadOnlyDictionary<string, int> IvrChoices,
    TimeSpan MeanPatience,
    TimeSpan MeanTalkTime)
{
    public static CallerProfile Default(double callsPerSecond, TimeSpan duration) =>
        new(callsPerSecond, duration, new Dictionary<string, int> { ["2"] = 6, ["1"] = 2, ["3"] = 1, ["0"] = 1 },
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(90));
}

/// <summary>
/// Generates callers for a profile: arrivals as a Poisson process at the given rate (exponential gaps), patience
/// and talk time exponentially distributed around their means. Deterministic for a seed, so a benchmark can be
/// repeated call for call.
/// </summary>
public static class CallerScript
{
    public static IReadOnlyList<ScriptedCaller> Generate(CallerProfile profile, int seed, string runId)
    {
        var random = new Random(seed);
        var callers = new List<ScriptedCaller>();
        var at = TimeSpan.Zero;
        var totalWeight = profile.IvrChoices.Values.Sum();
        while (true)
        {
            at += Exponential(random, TimeSpan.FromSeconds(1 / profile.CallsPerSecond));
            if (at >= profile.Duration) return callers;
            string? choice = null;
            if (totalWeight > 0)
            {
                var pick = random.Next(totalWeight);
                foreach (var (digit, weight) in profile.IvrChoices)
                {
                    if ((pick -= weight) < 0) { choice = digit; break; }
                }
            }
            callers.Add(new ScriptedCaller($"{runId}-{callers.Count + 1:00000}", at, $"1{random.Next(3, 10)}{random.Next(100000000, 999999999)}",
                choice, Exponential(random, profile.MeanPatience), Exponential(random, profile.MeanTalkTime)));
        }
    }

    private static TimeSpan Exponential(Random random, TimeSpan mean) => mean * -Math.Log(1 - random.NextDouble());
}
