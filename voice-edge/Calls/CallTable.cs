using System.Collections.Concurrent;

namespace HomeService.VoiceEdge.Calls;

/// <summary>The live calls, by the platform's id and by the caller's SIP Call-ID; the agents' legs by theirs.</summary>
public sealed class CallTable
{
    private readonly ConcurrentDictionary<string, CallerLeg> _byId = new();
    private readonly ConcurrentDictionary<string, CallerLeg> _bySip = new();

    public bool TryAdd(CallerLeg leg) => _bySip.TryAdd(leg.SipCallId, leg) && _byId.TryAdd(leg.CallId, leg);

    public CallerLeg? ById(string callId) => _byId.GetValueOrDefault(callId);

    public CallerLeg? BySipCallId(string sipCallId) => _bySip.GetValueOrDefault(sipCallId);

    private readonly ConcurrentDictionary<string, AgentLeg> _agentsBySip = new();

    public void Add(AgentLeg leg) => _agentsBySip[leg.SipCallId] = leg;

    public AgentLeg? AgentBySipCallId(string sipCallId) => _agentsBySip.GetValueOrDefault(sipCallId);

    public void Remove(AgentLeg leg)
    {
        _agentsBySip.TryRemove(leg.SipCallId, out _);
        leg.Call.Agents.TryRemove(new KeyValuePair<string, AgentLeg>(leg.Seat, leg));
    }

    public void Remove(CallerLeg leg)
    {
        _byId.TryRemove(leg.CallId, out _);
        _bySip.TryRemove(leg.SipCallId, out _);
    }

    public int Count => _byId.Count;
}
