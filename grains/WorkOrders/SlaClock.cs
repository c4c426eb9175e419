namespace HomeService.WorkOrders;

/// <summary>
/// One deadline of an order (dispatch, arrival, completion, complaint response, resolution). Time spent waiting for
/// the customer does not count: pausing moves the deadline out by the paused time, and changing the allowance keeps
/// the pause already accumulated. Immutable: every change returns a new clock.
/// </summary>
public sealed record SlaClock(
    string Name,
    DateTimeOffset StartedAt,
    TimeSpan Allowed,
    TimeSpan PausedTotal = default,
    DateTimeOffset? PausedSince = null,
    DateTimeOffset? StoppedAt = null)
{
    /// <summary>Warn when this share of the allowance is used.</summary>
    public const double WarnAt = 0.8;

    public bool Paused => PausedSince is not null;
    public bool Stopped => StoppedAt is not null;

    public SlaClock Pause(DateTimeOffset now) => Paused || Stopped ? this : this with { PausedSince = now };

    public SlaClock Resume(DateTimeOffset now) =>
        PausedSince is { } since ? this with { PausedTotal = PausedTotal + (now - since), PausedSince = null } : this;

    public SlaClock Stop(DateTimeOffset now) => Stopped ? this : Resume(now) with { StoppedAt = now };

    public SlaClock WithAllowance(TimeSpan allowed) => this with { Allowed = allowed };

    /// <summary>Working time used so far (paused time excluded).</summary>
    public TimeSpan Elapsed(DateTimeOffset now)
    {
        var end = StoppedAt ?? now;
        var pausedNow = PausedSince is { } since ? end - since : TimeSpan.Zero;
        return end - StartedAt - PausedTotal - pausedNow;
    }

    /// <summary>When it breaches if nothing else pauses it; while paused, as if it resumed now.</summary>
    public DateTimeOffset DeadlineAt(DateTimeOffset now) => now + (Allowed - Elapsed(now));

    public DateTimeOffset WarningAt(DateTimeOffset now) => now + (Allowed * WarnAt - Elapsed(now));

    public SlaState State(DateTimeOffset now)
    {
        var elapsed = Elapsed(now);
        if (Stopped) return elapsed <= Allowed ? SlaState.Met : SlaState.Breached;
        if (elapsed > Allowed) return SlaState.Breached;
        if (Paused) return SlaState.Paused;
        return elapsed >= Allowed * WarnAt ? SlaState.AtRisk : SlaState.Running;
    }
}

public enum SlaState { Running, AtRisk, Paused, Breached, Met }
