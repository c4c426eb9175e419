using HomeService.CallCenter.Agents;
using HomeService.CallCenter.Calls;
using HomeService.CallCenter.Kpis;
using HomeService.EventLog;

namespace HomeService.Tests.Unit.CallCenter;

/// <summary>
/// A scripted half hour (09:00–09:30 Shanghai) of two queues and two agents, encoded by the grains' own codecs so the
/// payloads are the real ones; every expected figure is worked out by hand in the comments.
/// </summary>
public sealed class CallKpiCalculatorTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Nine = new(2026, 11, 26, 9, 0, 0, China);
    private static readonly DateTimeOffset Quarter = Nine.AddMinutes(15);
    private static readonly DateTimeOffset HalfPast = Nine.AddMinutes(30);
    private const string Service = "Q-SERVICE";
    private const string Complaint = "Q-COMPLAINT";

    // The complaint queue promises 30 s; the service queue keeps the default 20 s.
    private static ServiceLevelThreshold Thresholds(string queue) => queue == Complaint ? new(30, 90) : ServiceLevelThreshold.Default;

    private readonly List<KpiEvent> _events = [];
    private readonly Dictionary<string, int> _versions = new();

    private static DateTimeOffset At(int minute, int second) => Nine.AddMinutes(minute).AddSeconds(second);

    private void Call(string id, object e, DateTimeOffset at) => Add(CallGrain.Codec, id, e, at);
    private void Agent(string id, object e, DateTimeOffset at) => Add(AgentGrain.Codec, id, e, at);

    private void Add(EventCodec codec, string id, object e, DateTimeOffset at)
    {
        var key = $"{codec.AggregateType}/{id}";
        var version = _versions[key] = _versions.GetValueOrDefault(key) + 1;
        var r = codec.Encode(id, version, e, null, at);
        _events.Add(new KpiEvent(r.AggregateType, r.AggregateId, r.Version, r.EventType, r.PayloadJson, r.OccurredAt));
    }

    private void Queued(string call, string queue, DateTimeOffset at)
    {
        Call(call, new CallOffered(null, "13800138000", "037112345", "T1", "2", queue, 0, at), at);
        Call(call, new CallQueued(queue, 1, 0, at), at);
    }

    private void ScriptTheDay()
    {
        Agent("A1", new AgentReady(At(0, 0)), At(0, 0));
        Agent("A2", new AgentReady(At(0, 0)), At(0, 0));

        // c1 (service): queued 09:01:00, answered by A1 09:01:10 (wait 10 s), hold 09:03:00–09:03:30, ended 09:05:10,
        // wrap-up until 09:05:40 → talk 240 − 30 = 210 s, hold 30 s, wrap 30 s.
        Queued("c1", Service, At(1, 0));
        Agent("A1", new AgentReserved("c1", Service, At(1, 5)), At(1, 5));
        Call("c1", new CallRinging(Service, ["A1"], 20, 3, 30, At(1, 5)), At(1, 5));
        Call("c1", new CallAnswered(null, "A1", "console", At(1, 10)), At(1, 10));
        Agent("A1", new AgentAnswered("c1", At(1, 10)), At(1, 10));
        Call("c1", new CallHeld("A1", At(3, 0)), At(3, 0));
        Call("c1", new CallResumed("A1", At(3, 30)), At(3, 30));
        Call("c1", new CallEnded(null, "caller", "normal", At(5, 10)), At(5, 10));
        Agent("A1", new AgentCallEnded("c1", 240, At(5, 40), At(5, 10)), At(5, 10));
        Agent("A1", new AgentWrapUpEnded(At(5, 40)), At(5, 40));

        // c2 (service): queued 09:02:00, answered by A2 09:02:30 (wait 30 s: over the 20 s threshold), transferred to the
        // complaint queue 09:06:00 (A2's leg: talk 210 s, wrap-up 10 s); queued there 09:06:00, answered by A1 09:06:20
        // (wait 20 s: within complaint's 30 s), ended 09:08:20 (A1's leg: talk 120 s), A1 ready again 09:08:50 (wrap 30 s).
        Queued("c2", Service, At(2, 0));
        Agent("A2", new AgentReserved("c2", Service, At(2, 25)), At(2, 25));
        Call("c2", new CallAnswered(null, "A2", "console", At(2, 30)), At(2, 30));
        Agent("A2", new AgentAnswered("c2", At(2, 30)), At(2, 30));
        Call("c2", new CallTransferred("A2", "queue", Complaint, At(6, 0)), At(6, 0));
        Agent("A2", new AgentCallEnded("c2", 210, At(6, 10), At(6, 0)), At(6, 0));
        Call("c2", new CallQueued(Complaint, 1, 0, At(6, 0)), At(6, 0));
        Agent("A2", new AgentWrapUpEnded(At(6, 10)), At(6, 10));
        Agent("A1", new AgentReserved("c2", Complaint, At(6, 15)), At(6, 15));
        Call("c2", new CallAnswered(null, "A1", "console", At(6, 20)), At(6, 20));
        Agent("A1", new AgentAnswered("c2", At(6, 20)), At(6, 20));
        Call("c2", new CallEnded(null, "caller", "normal", At(8, 20)), At(8, 20));
        Agent("A1", new AgentCallEnded("c2", 120, At(8, 50), At(8, 20)), At(8, 20));
        Agent("A1", new AgentReady(At(8, 50)), At(8, 50));

        // c3 (service): queued 09:04:00, caller gone 09:04:03: abandoned after 3 s (a short abandon, within 20 s).
        Queued("c3", Service, At(4, 0));
        Call("c3", new CallEnded(null, "caller", "caller-abandoned", At(4, 3)), At(4, 3));

        // c4 (service): queued 09:10:00, abandoned after 40 s.
        Queued("c4", Service, At(10, 0));
        Call("c4", new CallEnded(null, "caller", "caller-abandoned", At(10, 40)), At(10, 40));

        // c5 (service): queued 09:11:00, takes a callback 09:12:05 (not abandoned); A2 calls back 09:20:00–09:22:00, no wrap-up.
        Queued("c5", Service, At(11, 0));
        Call("c5", new CallbackOffered(Service, At(12, 0)), At(12, 0));
        Call("c5", new CallbackRequested(null, At(12, 5)), At(12, 5));
        Agent("A2", new AgentReserved("c5", Service, At(19, 55)), At(19, 55));
        Call("c5", new CallAnswered(null, "A2", "callback", At(20, 0)), At(20, 0));
        Agent("A2", new AgentAnswered("c5", At(20, 0)), At(20, 0));
        Call("c5", new CallEnded(null, "agent:A2", "normal", At(22, 0)), At(22, 0));
        Agent("A2", new AgentCallEnded("c5", 120, null, At(22, 0)), At(22, 0));
        Agent("A2", new AgentNotReady("break", At(25, 0)), At(25, 0));

        // c6 (service): queued 09:14:50 (first quarter), answered by A1 09:15:05 (wait 15 s), ended 09:17:05 (second quarter).
        Queued("c6", Service, At(14, 50));
        Agent("A1", new AgentReserved("c6", Service, At(14, 55)), At(14, 55));
        Call("c6", new CallAnswered(null, "A1", "console", At(15, 5)), At(15, 5));
        Agent("A1", new AgentAnswered("c6", At(15, 5)), At(15, 5));
        Call("c6", new CallEnded(null, "caller", "normal", At(17, 5)), At(17, 5));
        Agent("A1", new AgentCallEnded("c6", 120, null, At(17, 5)), At(17, 5));

        // c7: served by the IVR at 09:13:00 (looked up two orders, found the second, hung up), never queued. Counts once.
        Call("c7", new CallOffered(null, "13900139000", "037112345", "T1", null, Service, 0, At(12, 0)), At(12, 0));
        Call("c7", new CallIvrStep("主菜单/工单查询", "20261118999", "not-found", null, "main", 1, true, At(12, 40)), At(12, 40));
        Call("c7", new CallIvrStep("主菜单/工单查询", "20261118002", "found: 服务中", "工单查询：服务中", "main", 0, false, At(13, 0)), At(13, 0));
        Call("c7", new CallIvrStep("主菜单/工单查询", "20261118003", "found: 已完成", "工单查询：已完成", "main", 0, false, At(13, 30)), At(13, 30));
    }

    private CallFactsBuilder Facts()
    {
        ScriptTheDay();
        var facts = new CallFactsBuilder();
        facts.AddRange(_events);
        return facts;
    }

    [Fact]
    public void Quarters_of_the_scripted_half_hour_match_the_hand_worked_figures()
    {
        var report = CallKpiCalculator.Report(Facts(), Nine, HalfPast, KpiGrouping.Quarter, null, Thresholds, HalfPast);

        Assert.Equal(2, report.Rows.Count);
        var first = report.Rows[0].Kpis;
        Assert.Equal(Nine, report.Rows[0].Start);
        Assert.Equal(Quarter, report.Rows[0].End);
        // Offered in 09:00–09:15: c1, c2 (service), c2 (complaint), c3, c4, c5, c6 = 7 queue visits.
        Assert.Equal(7, first.Offered);
        // Answered: c1 (10 s), c2 service (30 s), c2 complaint (20 s), c6 (15 s) = 4; within threshold: c1, c2 complaint (≤ 30), c6 = 3.
        Assert.Equal(4, first.Answered);
        Assert.Equal(3, first.AnsweredWithinThreshold);
        Assert.Equal(75.0, first.ServiceLevel); // 3 ÷ 4
        // Abandoned: c3 (3 s: short, within 20 s), c4 (40 s) = 2; c5 took a callback and is not abandoned.
        Assert.Equal(2, first.Abandoned);
        Assert.Equal(1, first.ShortAbandons);
        Assert.Equal(66.7, first.ServiceLevel2); // (3 + 1) ÷ (4 + 2) = 66.67 %
        Assert.Equal(28.6, first.AbandonRate); // 2 ÷ 7 = 28.57 %
        Assert.Equal(18.8, first.AsaSeconds); // (10 + 30 + 20 + 15) ÷ 4 = 18.75 s
        Assert.Equal(1, first.CallbacksRequested);
        Assert.Equal(1, first.CallbacksMade); // c5's callback counts where c5 was offered
        // Legs ended 09:00–09:15: A1 on c1 (talk 210, hold 30, wrap 30), A2 on c2 (talk 210, wrap 10, transferred),
        // A1 on c2 (talk 120, wrap 30) → handled 3, AHT (540 + 30 + 70) ÷ 3 = 213.3 s.
        Assert.Equal(3, first.Handled);
        Assert.Equal(1, first.Transfers);
        Assert.Equal(540_000, first.TalkMs);
        Assert.Equal(30_000, first.HoldMs);
        Assert.Equal(70_000, first.WrapUpMs);
        Assert.Equal(213.3, first.AhtSeconds);
        // Busy: A1 09:01:10–09:05:40 (270) + 09:06:20–09:08:50 (150), A2 09:02:30–09:06:10 (220) = 640 s;
        // idle: A1 70 + 40 + 370 = 480, A2 150 + 530 = 680 → 1160 s (each agent 900 s in all) → occupancy 640 ÷ 1800 = 35.56 %.
        Assert.Equal(640_000, first.BusyMs);
        Assert.Equal(1_160_000, first.IdleMs);
        Assert.Equal(35.6, first.Occupancy);
        Assert.Equal(1, first.IvrSelfService);

        var second = report.Rows[1].Kpis;
        // Nothing offered 09:15–09:30; A1's c6 leg (120 s) and A2's callback leg (120 s) ended: AHT 120 s.
        Assert.Equal(0, second.Offered);
        Assert.Null(second.ServiceLevel);
        Assert.Null(second.AbandonRate);
        Assert.Equal(2, second.Handled);
        Assert.Equal(120.0, second.AhtSeconds);
        // Busy: A1 09:15:05–09:17:05 (120), A2 09:20–09:22 (120) = 240; idle: A1 5 + 775, A2 300 + 180 (not ready after 09:25)
        // = 1260 → 240 ÷ 1500 = 16 %.
        Assert.Equal(16.0, second.Occupancy);

        // The range's total is the sum of its intervals.
        Assert.Equal(7, report.Total.Offered);
        Assert.Equal(5, report.Total.Handled);
        Assert.Equal(880_000, report.Total.BusyMs);
    }

    [Fact]
    public void A_queue_filter_counts_only_that_queue_and_leaves_occupancy_to_the_center()
    {
        var report = CallKpiCalculator.Report(Facts(), Nine, HalfPast, KpiGrouping.Day, Service, Thresholds, HalfPast);
        var day = Assert.Single(report.Rows).Kpis;
        // Service visits: c1, c2, c3, c4, c5, c6 = 6; answered c1, c2, c6 (3), within 20 s: c1, c6 → 66.7 %; abandoned 2 ÷ 6.
        Assert.Equal(6, day.Offered);
        Assert.Equal(66.7, day.ServiceLevel);
        Assert.Equal(33.3, day.AbandonRate);
        // Service legs: A1 c1, A2 c2 (answered in service), A1 c6, A2 c5; A1's c2 leg belongs to the complaint queue.
        Assert.Equal(4, day.Handled);
        Assert.Equal(1, day.IvrSelfService); // c7 was routed to the service queue
        Assert.Null(day.Occupancy); // agents' time is the center's, not one queue's
        Assert.Equal(0, day.BusyMs);
    }

    [Fact]
    public void Agent_rows_carry_each_agents_handled_calls_and_occupancy()
    {
        var report = CallKpiCalculator.Report(Facts(), Nine, HalfPast, KpiGrouping.Agent, null, Thresholds, HalfPast);
        Assert.Equal(["A1", "A2"], report.Rows.Select(r => r.AgentId));
        var a1 = report.Rows[0].Kpis;
        // A1: c1 (210 + 30 hold + 30 wrap), c2 (120 + 30 wrap), c6 (120) → 3 handled, AHT 540 ÷ 3 = 180 s;
        // busy 420 + 120 = 540, idle 480 + 780 = 1260 → 30 %.
        Assert.Equal(3, a1.Handled);
        Assert.Equal(180.0, a1.AhtSeconds);
        Assert.Equal(30.0, a1.Occupancy);
        Assert.Equal(3, a1.Answered);
        var a2 = report.Rows[1].Kpis;
        // A2: c2 (210 + 10 wrap, transferred), c5 callback (120) → AHT 340 ÷ 2 = 170 s; busy 220 + 120 = 340,
        // idle 150 + 530 + 300 + 180 = 1160 → 22.67 %.
        Assert.Equal(2, a2.Handled);
        Assert.Equal(1, a2.Transfers);
        Assert.Equal(170.0, a2.AhtSeconds);
        Assert.Equal(22.7, a2.Occupancy);
        Assert.Equal(1, a2.CallbacksMade);
    }

    [Fact]
    public void Events_seen_twice_count_once_and_unknown_events_are_ignored()
    {
        ScriptTheDay();
        var facts = new CallFactsBuilder();
        facts.AddRange(_events);
        facts.AddRange(_events); // a forward overlapping the activation read
        facts.Add(new KpiEvent("call", "c1", 99, "CallConferenceStarted", """{"x":1}""", At(29, 0)));
        var kpis = CallKpiCalculator.Measure(facts, Nine, HalfPast, null, Thresholds, HalfPast);
        Assert.Equal(7, kpis.Offered);
        Assert.Equal(5, kpis.Handled);
    }

    [Fact]
    public void Events_lost_on_the_way_and_read_back_later_count_as_if_they_had_come_in_order()
    {
        ScriptTheDay();
        var whole = CallKpiCalculator.Measure(Facts(), Nine, HalfPast, null, Thresholds, HalfPast);
        // Two forwards lost with a silo: c1's queueing and A1's answering of it. Later events of theirs still arrive.
        KpiEvent[] lost = [_events.First(e => (e.AggregateId, e.EventType) is ("c1", "CallQueued")), _events.First(e => (e.AggregateId, e.EventType) is ("A1", "AgentAnswered"))];
        var facts = new CallFactsBuilder();
        facts.AddRange(_events.Except(lost));
        Assert.True(facts.Waiting > 0);
        Assert.NotEqual(whole, CallKpiCalculator.Measure(facts, Nine, HalfPast, null, Thresholds, HalfPast));
        // The gaps name each aggregate and the last version applied, so its own log can fill them if the read by position cannot.
        Assert.Equal([("agent", "A1", lost[1].Version - 1), ("call", "c1", lost[0].Version - 1)],
            facts.Gaps().OrderBy(g => g.AggregateType).Select(g => (g.AggregateType, g.AggregateId, g.AfterVersion)).ToList());

        // The catch-up read brings them (with everything around them, seen before): the figures are whole again.
        facts.AddRange(_events);
        Assert.Equal(0, facts.Waiting);
        Assert.Equal(whole, CallKpiCalculator.Measure(facts, Nine, HalfPast, null, Thresholds, HalfPast));
    }

    [Fact]
    public void A_range_read_in_chunks_adds_up_to_the_same_report_as_one_read()
    {
        var facts = Facts();
        var whole = CallKpiCalculator.Report(facts, Nine, HalfPast, KpiGrouping.Quarter, null, Thresholds, HalfPast);
        // The report grain reads a day at a time; here the chunks cut mid-call (c2 is on its second leg at 09:07).
        var chunked = new KpiAccumulator(Nine, HalfPast, KpiGrouping.Quarter, null, Thresholds, HalfPast);
        chunked.Add(facts, Nine, Nine.AddMinutes(7));
        chunked.Add(facts, Nine.AddMinutes(7), Nine.AddMinutes(16));
        chunked.Add(facts, Nine.AddMinutes(16), HalfPast);
        var report = chunked.Report();
        Assert.Equal(whole.Rows, report.Rows);
        Assert.Equal(whole.Total, report.Total);
    }

    [Fact]
    public void Intervals_follow_Shanghai_days_and_hours()
    {
        var lateUtc = new DateTimeOffset(2026, 11, 26, 17, 5, 0, TimeSpan.Zero); // 01:05 on the 27th in Shanghai
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, China), CallKpiCalculator.BucketStart(lateUtc, KpiGrouping.Day));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 1, 0, 0, China), CallKpiCalculator.BucketStart(lateUtc, KpiGrouping.Hour));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 1, 0, 0, China), CallKpiCalculator.BucketStart(lateUtc, KpiGrouping.Quarter));
    }
}
