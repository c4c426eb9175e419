using System.Collections.Concurrent;

namespace HomeService.VoiceEdge.Calls;

/// <summary>The live calls, by the platform's id and by the caller's SIP Call-ID.</summary>
public sealed class CallTable
{
    private readonly ConcurrentDictionary<string, CallerLeg> _byId = new();
    private readonly ConcurrentDictionary<string, CallerLeg> _bySip = new();

    public bool TryAdd(CallerLeg leg) => _bySip.TryAdd(leg.SipCallId, leg) && _byId.TryAdd(leg.CallId, leg);

    public CallerLeg? ById(string callId) => _byId.GetValueOrDefault(callId);

    public CallerLeg? BySipCallId(string sipCallId) => _bySip.GetValueOrDefault(sipCallId);

    public void Remove(CallerLeg leg)
    {
        _byId.TryRemove(leg.CallId, out _);
        _bySip.TryRemove(leg.SipCallId, out _);
    }

    public int Count => _byId.Count;
}
