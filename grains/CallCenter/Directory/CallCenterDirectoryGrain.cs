using System.Text.Json;
using HomeService.CallCenter.Queues;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Directory;

/// <summary>
/// Queues, agents and hotline routes, read once from the read tables and then served from memory. The back office
/// changes queues and seats through this grain (CallCenterDirectoryGrain.Queues.cs, .Seats.cs).
/// </summary>
public sealed partial class CallCenterDirectoryGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, ICallCenterDirectoryGrain
{
    private readonly Dictionary<string, int> _queueVersions = new();
    private readonly Dictionary<string, int> _agentVersions = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private Dictionary<string, QueueConfig> _queues = new();
    private Dictionary<string, AgentProfile> _agents = new();
    private Dictionary<(string Dialled, string Choice), (string Queue, int Priority)> _routes = new();

    public override Task OnActivateAsync(CancellationToken ct) => Load(ct);

    public async Task Reload()
    {
        _queues.Clear();
        _agents.Clear();
        _routes.Clear();
        await Load(CancellationToken.None);
        foreach (var queue in _queues.Values) await GrainFactory.GetGrain<IQueueGrain>(queue.QueueId).Reconfigure(queue);
        await TellAgentsTheirQueues();
    }

    private async Task Load(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            SELECT id, name_zh, name_en, strategy, tiers::text, ring_timeout_seconds, max_no_answers, wrap_up_seconds,
                   max_wait_seconds, overflow_queue_id, offer_callback, announce_every_seconds, top_down_order, skill
            FROM call_queue
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var tiers = JsonSerializer.Deserialize<List<ExpansionTier>>(r.GetString(4), Json) ?? [];
                if (tiers.Count == 0) tiers.Add(new ExpansionTier(0, r.GetString(13), 1));
                var strategy = RoutingStrategies.TryParse(r.GetString(3), out var s) ? s : RoutingStrategy.LongestIdleAgent;
                _queues[r.GetString(0)] = new QueueConfig(r.GetString(0), r.GetString(1), r.GetString(2), strategy, tiers,
                    r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetBoolean(10),
                    r.GetInt32(11), r.GetFieldValue<string[]>(12));
            }
        await using (var cmd = new NpgsqlCommand("SELECT id, name, extension, skills::text, team_id FROM agent", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                _agents[r.GetString(0)] = new AgentProfile(r.GetString(0), r.GetString(1), r.GetString(2),
                    JsonSerializer.Deserialize<Dictionary<string, int>>(r.GetString(3))!, r.IsDBNull(4) ? null : r.GetString(4));
        await using (var cmd = new NpgsqlCommand("""
            SELECT aggregate_type, aggregate_id, max(version) FROM event_log
            WHERE aggregate_type IN ('queue_config', 'agent_profile') GROUP BY aggregate_type, aggregate_id
            """, conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                (r.GetString(0) == "queue_config" ? _queueVersions : _agentVersions)[r.GetString(1)] = r.GetInt32(2);
        await LoadReasons(conn, ct);
        await using (var cmd = new NpgsqlCommand("SELECT dialled, ivr_choice, queue_id, priority FROM hotline_route", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                _routes[(r.GetString(0), r.GetString(1))] = (r.GetString(2), r.GetInt32(3));
    }

    public Task<IReadOnlyList<QueueConfig>> GetQueues() => Task.FromResult<IReadOnlyList<QueueConfig>>(_queues.Values.ToList());

    public Task<QueueConfig?> GetQueue(string queueId) => Task.FromResult(_queues.GetValueOrDefault(queueId));

    public Task<IReadOnlyList<AgentProfile>> GetAgents() => Task.FromResult<IReadOnlyList<AgentProfile>>(_agents.Values.ToList());

    public Task<AgentProfile?> GetAgent(string agentId) => Task.FromResult(_agents.GetValueOrDefault(agentId));

    public Task<HotlineRoute> Route(string dialled, string? ivrChoice)
    {
        if (_routes.TryGetValue((dialled, ivrChoice ?? ""), out var exact)) return Task.FromResult(new HotlineRoute(exact.Queue, exact.Priority));
        if (_routes.TryGetValue((dialled, ""), out var number)) return Task.FromResult(new HotlineRoute(number.Queue, number.Priority));
        // An unknown number still reaches a person: the main hotline's own queue (its route without an IVR choice).
        var main = _routes.Where(r => r.Key.Choice == "").OrderBy(r => r.Key.Dialled, StringComparer.Ordinal).Select(r => r.Value.Queue).FirstOrDefault();
        return Task.FromResult(new HotlineRoute(main ?? _queues.Keys.Order().First(), 0));
    }
}
