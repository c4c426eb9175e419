using HomeService.EventLog;

namespace HomeService.CallCenter.Queues;

/// <summary>
/// A queue's durable state: its waiting calls in order, and the callers who hung up in the last minute, who get
/// their place back if they call again. Which agent is ringing for which call is not kept here: the calls know.
/// </summary>
public sealed class QueueLine : IAggregateState
{
    public int Version { get; set; }
    public long NextSequence { get; set; }
    public List<WaitingCall> Waiting { get; set; } = [];
    public List<AbandonedPlace> Abandoned { get; set; } = [];

    private WaitingLine? _line;

    /// <summary>The ordered view of <see cref="Waiting"/>; the list itself is what is stored.</summary>
    public WaitingLine Line
    {
        get
        {
            if (_line is null)
            {
                _line = new WaitingLine();
                foreach (var call in Waiting) _line.Add(call);
            }
            return _line;
        }
    }

    /// <summary>A new waiting call; a caller who abandoned within <paramref name="placeKept"/> keeps their old arrival time.</summary>
    public CallEnqueued Enqueue(QueueRequest request, DateTimeOffset now, TimeSpan placeKept)
    {
        var earlier = Abandoned.FirstOrDefault(a => a.Caller == request.Caller && now - a.LeftAt <= placeKept);
        var stickyUntil = request.StickyAgentId is null ? (DateTimeOffset?)null : now.AddSeconds(10);
        return new CallEnqueued(new WaitingCall(request.CallId, request.Caller, request.Priority, earlier?.EnqueuedAt ?? now,
            NextSequence, request.StickyAgentId, stickyUntil));
    }

    public void Apply(object e)
    {
        switch (e)
        {
            case CallEnqueued x:
                Line.Add(x.Call);
                Waiting = Line.Calls.ToList();
                Abandoned.RemoveAll(a => a.Caller == x.Call.Caller);
                NextSequence = Math.Max(NextSequence, x.Call.Sequence + 1);
                break;
            case CallLeftQueue x:
                var call = Line.Remove(x.CallId);
                Waiting = Line.Calls.ToList();
                Abandoned.RemoveAll(a => x.At - a.LeftAt > TimeSpan.FromMinutes(5));
                if (call is not null && x.Reason == "abandoned") Abandoned.Add(new AbandonedPlace(call.Caller, call.EnqueuedAt, x.At));
                break;
            default:
                throw new ArgumentException($"Unknown queue event {e.GetType().Name}");
        }
    }
}

public sealed record AbandonedPlace(string Caller, DateTimeOffset EnqueuedAt, DateTimeOffset LeftAt);
