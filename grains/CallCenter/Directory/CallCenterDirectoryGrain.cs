using System.Text.Json;
using HomeService.CallCenter.Queues;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Directory;

/// <summary>
/// Queues, agents, teams and not-ready reasons, read once from the read tables and then served from memory. The back office
/// changes queues, seats and teams through this grain (CallCenterDirectoryGrain.Queues.cs, .Seats.cs, .Teams.cs).
/// </summary>
public sealed partial class CallCenterDirectoryGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, ICallCenterDirectoryGrain
{
    private readonly Dictionary<string, int> _queueVersions = new();
    private readonly Dictionary<string, int> _agentVersions = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private Dictionary<string, QueueConfig> _queues = new();
    private Dictionary<string, AgentProfile> _agents = new();

    public override Task OnActivateAsync(CancellationToken ct) => Load(ct);

    public async Task Reload()
    {
        _queues.Clear();
        _agents.Clear();
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
        await LoadTeams(conn, ct);
    }

    public Task<IReadOnlyList<QueueConfig>> GetQueues() => Task.FromResult<IReadOnlyList<QueueConfig>>(_queues.Values.ToList());

    public Task<QueueConfig?> GetQueue(string queueId) => Task.FromResult(_queues.GetValueOrDefault(queueId));

    public Task<IReadOnlyList<AgentProfile>> GetAgents() => Task.FromResult<IReadOnlyList<AgentProfile>>(_agents.Values.ToList());

    public Task<AgentProfile?> GetAgent(string agentId) => Task.FromResult(_agents.GetValueOrDefault(agentId));
}
