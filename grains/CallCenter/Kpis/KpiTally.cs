namespace HomeService.CallCenter.Kpis;

/// <summary>The running sums behind one <see cref="CallKpis"/>; the rates are worked out only at the end.</summary>
public sealed class KpiTally
{
    /// <summary>An abandon this quick is a "short abandon": most likely a misdial, reported apart.</summary>
    public static readonly TimeSpan ShortAbandon = TimeSpan.FromSeconds(5);

    public int Offered, Answered, Abandoned, ShortAbandons, AnsweredWithin, AbandonedWithin;
    public int CallbacksRequested, CallbacksMade, Handled, Transfers, IvrSelfService;
    /// <summary>Visits that left for another queue (overflow or a transfer to a queue), and those still waiting.</summary>
    public int Overflowed, StillWaiting;
    public long AnsweredWaitMs, TalkMs, HoldMs, WrapUpMs, BusyMs, IdleMs;

    public void AddVisit(QueueVisit v, ServiceLevelThreshold threshold)
    {
        Offered++;
        var within = v.Wait <= TimeSpan.FromSeconds(threshold.Seconds);
        switch (v.Outcome)
        {
            case VisitOutcome.Answered:
                Answered++;
                AnsweredWaitMs += (long)v.Wait.TotalMilliseconds;
                if (within) AnsweredWithin++;
                break;
            case VisitOutcome.Abandoned:
                Abandoned++;
                if (v.Wait < ShortAbandon) ShortAbandons++;
                if (within) AbandonedWithin++;
                break;
            case VisitOutcome.Callback:
                CallbacksRequested++;
                if (v.CallbackMade) CallbacksMade++;
                break;
            case VisitOutcome.Left:
                Overflowed++;
                break;
            case VisitOutcome.Waiting:
                StillWaiting++;
                break;
        }
    }

    public void AddLeg(HandledLeg leg, long wrapUpMs)
    {
        Handled++;
        TalkMs += leg.TalkMs;
        HoldMs += leg.HoldMs;
        WrapUpMs += wrapUpMs;
        if (leg.TransferredOut) Transfers++;
    }

    public void AddTime(AgentTimeKind kind, long ms)
    {
        if (kind == AgentTimeKind.Busy) BusyMs += ms;
        else IdleMs += ms;
    }

    public CallKpis ToKpis() => new(
        Offered, Answered, Abandoned, ShortAbandons, AnsweredWithin, AbandonedWithin,
        CallbacksRequested, CallbacksMade, Handled, Transfers, IvrSelfService,
        AnsweredWaitMs, TalkMs, HoldMs, WrapUpMs, BusyMs, IdleMs,
        ServiceLevel: Percent(AnsweredWithin, Answered),
        ServiceLevel2: Percent(AnsweredWithin + AbandonedWithin, Answered + Abandoned),
        AsaSeconds: Seconds(AnsweredWaitMs, Answered),
        AhtSeconds: Seconds(TalkMs + HoldMs + WrapUpMs, Handled),
        AbandonRate: Percent(Abandoned, Offered),
        Occupancy: Percent(BusyMs, BusyMs + IdleMs),
        Overflowed: Overflowed, StillWaiting: StillWaiting);

    private static double? Percent(long part, long whole) => whole == 0 ? null : Math.Round(100.0 * part / whole, 1);

    private static double? Seconds(long totalMs, int count) => count == 0 ? null : Math.Round(totalMs / 1000.0 / count, 1);
}
