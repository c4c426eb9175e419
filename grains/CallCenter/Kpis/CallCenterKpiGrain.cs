using HomeService.EventLog;
using HomeService.Realtime;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HomeService.CallCenter.Kpis;

/// <summary>
/// The center's live KPIs. Committed call and agent events arrive one-way from every silo's event-log tap
/// (<see cref="KpiTapEventLog"/>), never by polling; on activation today's facts are read once from the log. The
/// figures come from the same <see cref="CallKpiCalculator"/> as the reports, so a closed interval reads the same in
/// both. A timer pushes <c>kpi.updated</c> to supervisors at most once a second while something changed, and every
/// 15 s regardless, because the rolling window moves with the clock.
/// Forwards are one-way, so one can be lost with a silo (or with a duplicate activation of this grain while a cluster
/// forms). Every 5 s the grain also reads the call and agent events the log gained since its previous read, starting
/// one read further back than it got to: an append that took its position before the last read but committed after it
/// is still found. Events already counted are skipped, so the read costs little more than a query when nothing was lost.
/// A call or agent whose events still wait for an earlier one at the next catch-up is read from its own log.
/// </summary>
public sealed class CallCenterKpiGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock, ILogger<CallCenterKpiGrain> logger)
    : Grain, ICallCenterKpiGrain
{
    public static readonly EventCodec ServiceLevelCodec = new("queue_service_level", ("ServiceLevelSet", typeof(ServiceLevelSet)));

    public static readonly TimeSpan Rolling = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan PushEvery = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QuietPushEvery = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan CatchUpEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ForwardGrace = TimeSpan.FromSeconds(2); // younger events are still on their way here

    private CallFactsBuilder _facts = new();
    private Dictionary<string, ServiceLevelThreshold> _thresholds = new();
    private IReadOnlyList<string> _queues = [];
    private DateTimeOffset _kept; // facts before this are not in memory
    private DateTimeOffset _midnight;
    private bool _dirty;
    private DateTimeOffset _lastPush;
    private long _version;
    private long _readFrom; // the next catch-up reads after this: how far the read before last got, so each stretch is read twice
    private long _readTo; // the furthest position read
    private DateTimeOffset _lastCatchUp;
    private HashSet<(string, string)> _gapsSeen = []; // aggregates waiting for an earlier event at the previous catch-up
    private KpiEventReader _reader = null!;

    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        var reader = _reader = new KpiEventReader(db);
        await LoadSettings(reader);
        _midnight = CallKpiCalculator.Midnight(Now);
        _kept = _midnight - Rolling; // the rolling window just after midnight reaches back into yesterday
        _readFrom = _readTo = await reader.Position(ct);
        _lastCatchUp = Now;
        _facts = await reader.Facts(_kept, Now.AddDays(1), Now.AddDays(1), ct);
        _version = Now.ToUnixTimeMilliseconds(); // a new activation's pushes rank after the old one's
        logger.LogInformation("Live KPIs rebuilt from the log since {Since}: {Visits} queue visits, {Legs} legs", _kept, _facts.Visits.Count, _facts.Legs.Count);
        this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(PushEvery, PushEvery) { KeepAlive = true });
    }

    public Task Observe(IReadOnlyList<KpiEvent> events)
    {
        _facts.AddRange(events);
        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<LiveKpis> GetLive() => Task.FromResult(Snapshot());

    public Task<CallKpiReport?> GetWindow(DateTimeOffset from, DateTimeOffset to, string by, string? queueId) =>
        Task.FromResult(from < _kept ? null : CallKpiCalculator.Report(_facts, from, to, by, queueId, Threshold, Now));

    /// <summary>This grain is the one writer of thresholds, so the version read here is the latest.</summary>
    public async Task<CommandResult<LiveQueueKpis>> SetServiceLevel(string queueId, int withinSeconds, int targetPercent, string actor)
    {
        var errors = ServiceLevelRules.Check(withinSeconds, targetPercent);
        if (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetQueue(queueId) is null) errors["queueId"] = ["unknown"];
        if (errors.Count > 0) return CommandResult<LiveQueueKpis>.Invalid(errors);
        await using var cmd = db.CreateCommand("SELECT version FROM queue_service_level WHERE queue_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = queueId });
        var version = (int?)await cmd.ExecuteScalarAsync() ?? 0;
        var now = Now;
        var record = ServiceLevelCodec.Encode(queueId, version + 1, new ServiceLevelSet(withinSeconds, targetPercent, now), actor, now);
        var before = _thresholds.TryGetValue(queueId, out var was) ? new { withinSeconds = was.Seconds, targetPercent = was.Target } : null;
        await log.AppendAsync(EventAppend.Of(record, new ReadModelWrite("""
            INSERT INTO queue_service_level (queue_id, within_seconds, target_percent, version, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (queue_id) DO UPDATE SET within_seconds = $2, target_percent = $3, version = $4, updated_at = $5
            """, queueId, withinSeconds, targetPercent, version + 1, now),
            HomeService.Audit.AuditTrail.Row(actor, "queue.service-level", "queue", queueId, before, new { withinSeconds, targetPercent }, now)));
        _thresholds[queueId] = new ServiceLevelThreshold(withinSeconds, targetPercent);
        _dirty = true;
        return CommandResult<LiveQueueKpis>.Ok(Live(queueId, now));
    }

    private async Task LoadSettings(KpiEventReader reader)
    {
        _thresholds = await reader.Thresholds();
        _queues = (await GrainFactory.GetGrain<ICallCenterDirectoryGrain>(0).GetQueues()).Select(q => q.QueueId).ToList();
    }

    private async Task Tick()
    {
        var now = Now;
        if (CallKpiCalculator.Midnight(now) != _midnight)
        {
            _midnight = CallKpiCalculator.Midnight(now);
            _kept = _midnight - Rolling;
            _facts.Prune(_kept);
            _dirty = true;
        }
        if (now - _lastCatchUp >= CatchUpEvery) await CatchUp(now);
        if (!_dirty && now - _lastPush < QuietPushEvery) return;
        _dirty = false;
        _lastPush = now;
        var snapshot = Snapshot();
        await GrainFactory.Push(PushGroups.Supervisors, "kpi.updated", snapshot, snapshot.Version);
    }

    private async Task CatchUp(DateTimeOffset now)
    {
        _lastCatchUp = now;
        try
        {
            var (events, reached) = await _reader.After(_readFrom);
            var applied = _facts.Applied;
            _facts.AddRange(events.Where(e => e.OccurredAt >= _kept && e.OccurredAt < now - ForwardGrace));
            if (_facts.Applied != applied)
            {
                _dirty = true;
                logger.LogWarning("Live KPIs caught up from the log after position {Position}: {Count} events had not been forwarded",
                    _readFrom, _facts.Applied - applied);
            }
            (_readFrom, _readTo) = (_readTo, Math.Max(reached, _readTo));
            await FillGaps();
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Live KPIs could not catch up from the log; trying again");
        }
    }

    /// <summary>
    /// An aggregate still waiting for an earlier event one catch-up later is read from its own log: the position read
    /// cannot find an event that took its position before this activation's first read but committed after it.
    /// </summary>
    private async Task FillGaps()
    {
        var gaps = _facts.Gaps();
        var seen = gaps.Select(g => (g.AggregateType, g.AggregateId)).ToHashSet();
        foreach (var (type, id, after) in gaps.Where(g => _gapsSeen.Contains((g.AggregateType, g.AggregateId))))
        {
            var missing = await log.ReadAsync(type, id, after);
            _facts.AddRange(missing.Select(e => new KpiEvent(type, id, e.Version, e.EventType, e.PayloadJson, e.OccurredAt)));
            _dirty = true;
            logger.LogWarning("Live KPIs filled a gap in {Type} {Id} after version {Version} from its log ({Count} events)", type, id, after, missing.Count);
        }
        _gapsSeen = seen;
    }

    private LiveKpis Snapshot()
    {
        var now = Now;
        _version++;
        var queues = _queues.Union(_facts.Visits.Select(v => v.QueueId)).Where(q => q != "").Order(StringComparer.Ordinal)
            .Select(q => Live(q, now)).ToList();
        return new LiveKpis(now, _version, queues, Live(null, now));
    }

    private LiveQueueKpis Live(string? queueId, DateTimeOffset now)
    {
        var threshold = queueId is null ? ServiceLevelThreshold.Default : Threshold(queueId);
        // The end is just after now, so an event stamped this very instant is in both windows.
        var end = now.AddTicks(1);
        return new LiveQueueKpis(queueId ?? "all", threshold.Seconds, threshold.Target,
            CallKpiCalculator.Measure(_facts, now - Rolling, end, queueId, Threshold, now),
            CallKpiCalculator.Measure(_facts, _midnight, end, queueId, Threshold, now));
    }

    private ServiceLevelThreshold Threshold(string queueId) => _thresholds.GetValueOrDefault(queueId) ?? ServiceLevelThreshold.Default;
}
