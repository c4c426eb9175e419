using System.Text.Json;
using HomeService.CallCenter.Queues;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Directory;

/// <summary>
/// Queues, agents and hotline routes, read once from the read tables and then served from memory.
/// The admin back office will write through this grain; for now the tables are seeded.
/// </summary>
public sealed class CallCenterDirectoryGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, ICallCenterDirectoryGrain
{
    private readonly Dictionary<string, int> _queueVersions = new();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private Dictionary<string, QueueConfig> _queues = new();
    private Dictionary<string, AgentProfile> _agents = new();

    public override async Task OnActivateAsync(CancellationToken ct)
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
        await using (var cmd = new NpgsqlCommand("SELECT id, name, extension, skills::text FROM agent", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                _agents[r.GetString(0)] = new AgentProfile(r.GetString(0), r.GetString(1), r.GetString(2),
                    JsonSerializer.Deserialize<Dictionary<string, int>>(r.GetString(3))!);
        await using (var cmd = new NpgsqlCommand(
            "SELECT aggregate_id, max(version) FROM event_log WHERE aggregate_type = 'queue_config' GROUP BY aggregate_id", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
                _queueVersions[r.GetString(0)] = r.GetInt32(1);
    }

    public Task<IReadOnlyList<QueueConfig>> GetQueues() => Task.FromResult<IReadOnlyList<QueueConfig>>(_queues.Values.ToList());

    public Task<QueueConfig?> GetQueue(string queueId) => Task.FromResult(_queues.GetValueOrDefault(queueId));

    public Task<IReadOnlyList<AgentProfile>> GetAgents() => Task.FromResult<IReadOnlyList<AgentProfile>>(_agents.Values.ToList());

    public Task<AgentProfile?> GetAgent(string agentId) => Task.FromResult(_agents.GetValueOrDefault(agentId));

    public async Task<CommandResult<QueueConfig>> UpdateQueue(QueueConfig config, string actor)
    {
        if (!_queues.TryGetValue(config.QueueId, out var current))
            return CommandResult<QueueConfig>.Invalid(new Dictionary<string, string[]> { ["queueId"] = ["unknown"] });
        var updated = config with { NameZh = current.NameZh, NameEn = current.NameEn };
        var errors = QueueSettings.Validate(updated, _queues.Keys, _agents.Keys);
        if (errors.Count > 0) return CommandResult<QueueConfig>.Invalid(errors);

        var version = _queueVersions.GetValueOrDefault(config.QueueId) + 1;
        var payload = JsonSerializer.Serialize(updated, Json);
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("queue_config", config.QueueId, version, "QueueReconfigured", payload, actor, clock.GetUtcNow()),
            new ReadModelWrite("""
                UPDATE call_queue SET strategy = $2, tiers = $3::jsonb, ring_timeout_seconds = $4, max_no_answers = $5, wrap_up_seconds = $6,
                    max_wait_seconds = $7, overflow_queue_id = $8, offer_callback = $9, announce_every_seconds = $10, top_down_order = $11
                WHERE id = $1
                """, updated.QueueId, RoutingStrategies.Name(updated.Strategy), JsonSerializer.Serialize(updated.Tiers, Json),
                updated.RingTimeoutSeconds, updated.MaxNoAnswers, updated.WrapUpSeconds, updated.MaxWaitSeconds, updated.OverflowQueueId,
                updated.OfferCallback, updated.AnnounceEverySeconds, updated.TopDownOrder.ToArray())));
        _queueVersions[config.QueueId] = version;
        _queues[config.QueueId] = updated;
        await GrainFactory.GetGrain<IQueueGrain>(config.QueueId).Reconfigure(updated);
        return CommandResult<QueueConfig>.Ok(updated);
    }
}
