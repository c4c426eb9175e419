using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;

namespace HomeService.Telephony;

/// <summary>
/// Plays scripted callers against the platform the way a switch would: offers, abandons and hang-ups go to
/// /api/cti over HTTP with the telephony key, and the simulated switch's commands tell it when a caller was
/// connected. With <see cref="AutoAnswer"/> it also plays the agents' phones (for load without people).
/// </summary>
public sealed class SimulatedCallers(SimulatedSwitch simulatedSwitch, HttpClient platform, ILogger<SimulatedCallers> logger)
{
    private readonly ConcurrentDictionary<string, Tracked> _calls = new();
    private long _eventSequence;

    /// <summary>How long a simulated agent lets the phone ring before picking up; null leaves answering to people.</summary>
    public TimeSpan? AutoAnswer { get; init; }

    public int Offered => _calls.Count;
    public int Connected => _calls.Values.Count(c => c.Outcome == Outcome.Connected);
    public int Abandoned => _calls.Values.Count(c => c.Outcome == Outcome.Abandoned);

    /// <summary>Runs the script to its end, then waits for the last callers to finish (or give up).</summary>
    public async Task Run(IReadOnlyList<ScriptedCaller> script, CancellationToken ct)
    {
        simulatedSwitch.CommandIssued += OnCommand;
        try
        {
            var started = DateTimeOffset.UtcNow;
            var callers = new List<Task>();
            foreach (var caller in script)
            {
                var wait = started + caller.At - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero) await Task.Delay(wait, ct);
                callers.Add(Play(caller, ct));
            }
            await Task.WhenAll(callers);
        }
        finally
        {
            simulatedSwitch.CommandIssued -= OnCommand;
        }
    }

    private async Task Play(ScriptedCaller caller, CancellationToken ct)
    {
        var tracked = _calls[caller.CallId] = new Tracked(caller);
        // No IVR choice in the offer: the platform's IVR asks, and the caller answers each CollectDigits (see OnCommand).
        await Send($"/api/cti/calls", new { callId = caller.CallId, caller = caller.Number, dialled = "037112345", trunk = "SIM" },
            $"{caller.CallId}:offer", ct);
        // The caller waits until connected or until patience runs out, then talks or hangs up.
        await Task.WhenAny(tracked.Connected.Task, Task.Delay(caller.Patience, ct));
        if (tracked.Settle(Outcome.Abandoned) == Outcome.Abandoned)
        {
            await Send($"/api/cti/calls/{caller.CallId}/hangup", new { leg = "caller", cause = "caller-abandoned" }, $"{caller.CallId}:abandon", ct);
            return;
        }
        await Task.WhenAny(tracked.EndedByPlatform.Task, Task.Delay(caller.TalkTime, ct));
        if (!tracked.EndedByPlatform.Task.IsCompleted)
            await Send($"/api/cti/calls/{caller.CallId}/hangup", new { leg = "caller", cause = "normal" }, $"{caller.CallId}:hangup", ct);
    }

    private void OnCommand(SwitchCommand command)
    {
        var callId = command.Command == "originate" && command.Argument?.Split(':') is [.., var original] ? original : command.CallId;
        if (!_calls.TryGetValue(callId, out var tracked)) return;
        switch (command.Command)
        {
            case "bridge" or "pickup" or "originate":
                tracked.Settle(Outcome.Connected);
                break;
            case "collect":
                // The caller answers the IVR: their choice at the main menu, then "0" (a person) at any further question.
                var asked = Interlocked.Increment(ref tracked.Collects);
                var digits = asked == 1 ? tracked.Caller.IvrChoice ?? "0" : "0";
                _ = Task.Run(() => Send($"/api/cti/calls/{callId}/dtmf", new { digits }, $"{callId}:dtmf:{asked}", default));
                break;
            case "hangup" when command.Argument == "caller":
                tracked.EndedByPlatform.TrySetResult();
                break;
            case "ring" when AutoAnswer is { } delay && command.Argument is { } seat:
                _ = Task.Run(async () =>
                {
                    await Task.Delay(delay);
                    if (tracked.Settle(Outcome.Connected) != Outcome.Connected) return; // the caller gave up first
                    await Send($"/api/cti/calls/{callId}/answered", new { seat }, $"{callId}:answered:{seat}:{Interlocked.Increment(ref _eventSequence)}", default);
                });
                break;
        }
    }

    private async Task Send(string path, object body, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        try
        {
            using var response = await platform.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) logger.LogWarning("Simulated switch: {Path} answered {Status}", path, (int)response.StatusCode);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Simulated switch: {Path} failed", path);
        }
    }

    private enum Outcome { Waiting, Connected, Abandoned }

    /// <summary>A caller is connected or gives up, never both: the first to settle wins.</summary>
    private sealed class Tracked(ScriptedCaller caller)
    {
        private int _outcome;

        /// <summary>How many times the IVR has asked this caller for digits.</summary>
        public int Collects;

        public ScriptedCaller Caller { get; } = caller;
        public TaskCompletionSource Connected { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource EndedByPlatform { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Outcome Outcome => (Outcome)Volatile.Read(ref _outcome);

        public Outcome Settle(Outcome outcome)
        {
            Interlocked.CompareExchange(ref _outcome, (int)outcome, (int)Outcome.Waiting);
            if (Outcome == Outcome.Connected) Connected.TrySetResult();
            return Outcome;
        }
    }
}
