using System.Diagnostics;

namespace HomeService.Bench.Harness;

/// <summary>
/// Offers work at a steady rate whatever the system does (open loop): request i is due at start + i / rate and is
/// sent then, without waiting for earlier ones. Latency is taken from that intended time, so a stall counts against
/// every request it holds up instead of silently slowing the sender down.
/// </summary>
public static class OpenLoop
{
    public static async Task Run(double ratePerSecond, TimeSpan duration, Func<long, TimeSpan, Task> send, Stopwatch clock)
    {
        var total = (long)(ratePerSecond * duration.TotalSeconds);
        var start = clock.Elapsed;
        var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));
        for (long i = 0; i < total; i++)
        {
            var intended = start + TimeSpan.FromSeconds(i / ratePerSecond);
            var wait = intended - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
            var n = i; // a for-loop variable is one variable for every iteration: capture a copy, or a late task sees a later i
            inFlight.Add(Task.Run(() => send(n, intended)));
        }
        await Task.WhenAll(inFlight);
    }
}
