using System.Collections.Concurrent;

namespace HomeService.Telephony;

/// <summary>
/// The built-in stand-in for a PBX: it accepts every gateway command, keeps the state a switch would keep
/// (who is connected to which call), and remembers the commands so tests and demos can see what the platform
/// asked for. Events the other way (offers, hang-ups) reach the platform through /api/cti like a real switch's.
/// </summary>
public sealed class SimulatedSwitch : ICtiGateway
{
    private readonly ConcurrentDictionary<string, SimulatedCall> _calls = new();
    private readonly ConcurrentQueue<SwitchCommand> _commands = new();
    /// <summary>Process-wide, so two simulated silos in one test process never hand out the same call id.</summary>
    private static long _originated;

    public IEnumerable<SwitchCommand> Commands => _commands;

    /// <summary>Raised for every command, after the switch's state changed; the scripted callers react to it.</summary>
    public event Action<SwitchCommand>? CommandIssued;

    public IReadOnlyList<SwitchCommand> CommandsFor(string callId) => _commands.Where(c => c.CallId == callId).ToList();

    public Task RingAgent(string callId, string seat, int timeoutSeconds) => Record(callId, "ring", seat, c => c.Ringing.Add(seat));

    public Task StopRinging(string callId, string seat) => Record(callId, "stop-ringing", seat, c => c.Ringing.Remove(seat));

    public Task Bridge(string callId, string seat) => Record(callId, "bridge", seat, c =>
    {
        c.Ringing.Remove(seat);
        c.Agents.Add(seat);
    });

    public Task Hold(string callId) => Record(callId, "hold", null, c => c.OnHold = true);

    public Task Unhold(string callId) => Record(callId, "unhold", null, c => c.OnHold = false);

    public Task BlindTransfer(string callId, string target) => Record(callId, "blind-transfer", target, c => c.Agents.Clear());

    public Task AttendedTransfer(string callId, string fromSeat, string target) => Record(callId, "attended-transfer", $"{fromSeat}->{target}", c => c.Agents.Remove(fromSeat));

    public Task Pickup(string callId, string seat) => Record(callId, "pickup", seat, c =>
    {
        c.Ringing.Clear();
        c.Agents.Add(seat);
    });

    public Task HangUp(string callId, string leg) => Record(callId, "hangup", leg, c =>
    {
        if (leg == "caller") c.CallerConnected = false;
        else if (!c.Agents.Remove(leg) && !c.Supervisors.Remove(leg) && c.Parties.Remove(leg) && leg.StartsWith("agent:"))
            c.Agents.Remove(leg["agent:".Length..]); // a colleague who joined from a consultation leaves with their seat
    });

    public Task PlayPrompt(string callId, string text) => Record(callId, "play", text, null);

    public Task CollectDigits(string callId, string prompt, int maxDigits, int timeoutSeconds) => Record(callId, "collect", prompt, null);

    public Task StartRecording(string callId) => Record(callId, "record-start", null, c => c.Recording = true);

    public Task StopRecording(string callId) => Record(callId, "record-stop", null, c => c.Recording = false);

    public Task Supervise(string callId, string seat, string mode) => Record(callId, "supervise", $"{seat} {mode}", c => c.Supervisors[seat] = mode);

    public Task AddParty(string callId, string target) => Record(callId, "add-party", target, c => c.Parties.Add(target));

    public async Task<string> Originate(string number, string? seat, string purpose)
    {
        // Unique across silos and restarts, as a real switch's ids are (a per-process counter repeated ids after a restart).
        var callId = $"sim-out-{Interlocked.Increment(ref _originated)}-{Guid.NewGuid():N}"[..24];
        await Record(callId, "originate", $"{number} {seat} {purpose}", null);
        return callId;
    }

    public Task<SwitchCallState?> QueryCall(string callId) =>
        Task.FromResult(_calls.TryGetValue(callId, out var c) && c.CallerConnected
            ? new SwitchCallState(callId, true, c.Agents.ToList())
            : null);

    /// <summary>Who is on a call at the switch now (for tests and demos), or null for a call the switch never saw.</summary>
    public SwitchLegs? LegsOf(string callId)
    {
        if (!_calls.TryGetValue(callId, out var c)) return null;
        lock (c) return new SwitchLegs(c.CallerConnected, c.Agents.ToList(), c.Supervisors.ToDictionary(), c.Parties.ToList());
    }

    /// <summary>The simulated caller is gone (whether or not the platform heard about it).</summary>
    public void CallerGone(string callId)
    {
        if (_calls.TryGetValue(callId, out var c)) c.CallerConnected = false;
    }

    private Task Record(string callId, string command, string? argument, Action<SimulatedCall>? change)
    {
        var issued = new SwitchCommand(callId, command, argument, DateTimeOffset.UtcNow);
        _commands.Enqueue(issued);
        // A call the switch hears about first through a command was offered by a caller who is on the line, or is one it
        // dials out: either exists until its far end hangs up (the platform's sanity check asks).
        var call = _calls.GetOrAdd(callId, _ => new SimulatedCall { CallerConnected = true });
        if (change is not null)
            lock (call) change(call);
        CommandIssued?.Invoke(issued);
        return Task.CompletedTask;
    }

    private sealed class SimulatedCall
    {
        public bool CallerConnected { get; set; }
        public bool OnHold { get; set; }
        public bool Recording { get; set; }
        public HashSet<string> Ringing { get; } = [];
        public HashSet<string> Agents { get; } = [];
        /// <summary>Supervisor seat → listen, whisper or barge.</summary>
        public Dictionary<string, string> Supervisors { get; } = [];
        /// <summary>Conference parties added besides the caller and the agent: agent:&lt;seat&gt; or external:&lt;number&gt;.</summary>
        public HashSet<string> Parties { get; } = [];
    }
}

public sealed record SwitchCommand(string CallId, string Command, string? Argument, DateTimeOffset At);

/// <summary>A call's legs at the simulated switch: the caller, agent seats, supervisor seats with their mode, added parties.</summary>
public sealed record SwitchLegs(bool CallerConnected, IReadOnlyList<string> Agents, IReadOnlyDictionary<string, string> Supervisors, IReadOnlyList<string> Parties);
