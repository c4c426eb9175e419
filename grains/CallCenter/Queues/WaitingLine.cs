namespace HomeService.CallCenter.Queues;

/// <summary>A call waiting in a queue. Higher <see cref="Priority"/> first; equal priority in arrival order.</summary>
public sealed record WaitingCall(
    string CallId,
    string Caller,
    int Priority,
    DateTimeOffset EnqueuedAt,
    long Sequence,
    string? StickyAgentId,
    DateTimeOffset? StickyUntil);

/// <summary>
/// The order of a queue's waiting calls. A call that returns after a missed offer keeps its original arrival
/// time, so it goes back in front of everyone who came after it.
/// </summary>
public sealed class WaitingLine
{
    private static readonly IComparer<WaitingCall> Order = Comparer<WaitingCall>.Create((a, b) =>
    {
        var byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0) return byPriority;
        var byArrival = a.EnqueuedAt.CompareTo(b.EnqueuedAt);
        return byArrival != 0 ? byArrival : a.Sequence.CompareTo(b.Sequence);
    });

    private readonly List<WaitingCall> _calls = [];

    public IReadOnlyList<WaitingCall> Calls => _calls;

    public int Count => _calls.Count;

    public void Add(WaitingCall call)
    {
        Remove(call.CallId);
        var index = _calls.BinarySearch(call, Order);
        _calls.Insert(index < 0 ? ~index : index, call);
    }

    public WaitingCall? Remove(string callId)
    {
        var index = _calls.FindIndex(c => c.CallId == callId);
        if (index < 0) return null;
        var call = _calls[index];
        _calls.RemoveAt(index);
        return call;
    }

    public WaitingCall? Find(string callId) => _calls.Find(c => c.CallId == callId);

    /// <summary>1-based position, or 0 when the call is not waiting here.</summary>
    public int PositionOf(string callId) => _calls.FindIndex(c => c.CallId == callId) + 1;
}
