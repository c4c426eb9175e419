using Microsoft.Extensions.Logging;

namespace HomeService;

/// <summary>
/// A singleton grain that works through a backlog in PostgreSQL once a second (the credit projector, the inbox relay):
/// a timer that never overlaps itself, a reminder that brings the grain back after a silo failure, and a drain that
/// takes batch after batch until one comes back short. A failed step is logged and tried again at the next tick.
/// </summary>
public abstract class BackgroundPoller(ILogger logger) : Grain, IRemindable
{
    protected const int Batch = 200;
    private bool _running;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        this.RegisterGrainTimer(Tick, new GrainTimerCreationOptions(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)) { KeepAlive = true });
        return Task.CompletedTask;
    }

    /// <summary>Keeps it running: idempotent, every silo may ask at start.</summary>
    public Task Start() => this.RegisterOrUpdateReminder("keep-alive", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask; // being active is the point

    /// <summary>One batch of at most <see cref="Batch"/> items; returns how many it took.</summary>
    protected abstract Task<int> Step(bool fromTimer);

    /// <summary>Everything waiting now, batch after batch; returns how many items.</summary>
    protected async Task<int> Drain(bool fromTimer = false)
    {
        var total = 0;
        int taken;
        do total += taken = await Step(fromTimer);
        while (taken == Batch);
        return total;
    }

    private async Task Tick()
    {
        if (_running) return;
        _running = true;
        try
        {
            await Drain(fromTimer: true);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "{Poller} step failed; the next tick tries again from where it stands", GetType().Name);
        }
        finally
        {
            _running = false;
        }
    }
}
