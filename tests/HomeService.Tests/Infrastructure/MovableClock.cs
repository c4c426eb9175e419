namespace HomeService.Tests.Infrastructure;

/// <summary>
/// A clock a test sets to a moment (a 调休 Saturday, a public holiday) for a deployment's silos. From there it runs on in
/// real time, so timers, delays and the cluster's own timing behave as always; only the date and hour the grains read
/// are the test's. Move it forward only: the cluster has seen the time before.
/// </summary>
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public void MoveTo(DateTimeOffset moment) => Interlocked.Exchange(ref _offsetTicks, (moment - System.GetUtcNow()).Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
