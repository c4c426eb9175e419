using HomeService.EventLog;
using HomeService.Realtime;

namespace HomeService.Broadcasts;

/// <summary>
/// Thin shell around <see cref="BroadcastBoard"/>: events go to the log (and the broadcast history table)
/// before a command is acknowledged; the grain state is a snapshot that is caught up from the log on activation.
/// </summary>
public sealed class BroadcastBoardGrain(
    [PersistentState("board", "Default")] IPersistentState<BroadcastBoard> state,
    IEventLog log,
    TimeProvider clock) : Grain, IBroadcastBoardGrain, IRemindable
{
    private const string ExpiryReminder = "broadcast-expiry";

    internal static readonly EventCodec Codec = new("broadcast_board",
        ("BroadcastPosted", typeof(BroadcastPosted)),
        ("BroadcastEnded", typeof(BroadcastEnded)));

    private Journal<BroadcastBoard> _journal = null!;
    private BroadcastBoard Board => _journal.State;

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<BroadcastBoard>(state, log, Codec, this.GetPrimaryKeyLong().ToString(), this);
        await _journal.CatchUp(ct);
        await ScheduleExpiry();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public async Task<CommandResult<Broadcast>> Post(PostBroadcast command)
    {
        var errors = BroadcastBoard.Validate(command);
        if (errors.Count > 0) return CommandResult<Broadcast>.Invalid(errors);

        var posted = Board.Post(command, Guid.NewGuid(), clock.GetUtcNow());
        await _journal.Record(posted, command.Author, clock.GetUtcNow(), new ReadModelWrite(
            "INSERT INTO broadcast (id, text, author, posted_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
            posted.Id, posted.Text, posted.Author, posted.PostedAt, posted.ExpiresAt));
        await ScheduleExpiry();
        var broadcast = Board.Active.Single(b => b.Id == posted.Id);
        await PushToConsoles("broadcast.posted", broadcast);
        return CommandResult<Broadcast>.Ok(broadcast);
    }

    public async Task<bool> Retract(Guid id, string actor)
    {
        var ended = Board.Retract(id, actor, clock.GetUtcNow());
        if (ended is null) return false;
        await End(ended);
        return true;
    }

    public Task<IReadOnlyList<Broadcast>> GetActive() => Task.FromResult(Board.Visible(clock.GetUtcNow()));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        foreach (var ended in Board.Expire(clock.GetUtcNow())) await End(ended);
        await ScheduleExpiry();
    }

    private async Task End(BroadcastEnded ended)
    {
        await _journal.Record(ended, ended.Actor, ended.At, new ReadModelWrite(
            "UPDATE broadcast SET ended_at = $2, ended_reason = $3, ended_by = $4 WHERE id = $1",
            ended.Id, ended.At, ended.Reason, ended.Actor));
        await PushToConsoles("broadcast.ended", new { ended.Id, ended.Reason });
    }

    private async Task PushToConsoles<T>(string eventName, T payload)
    {
        await GrainFactory.Push(PushGroups.Agents, eventName, payload, Board.Version);
        await GrainFactory.Push(PushGroups.Supervisors, eventName, payload, Board.Version);
    }

    /// <summary>One reminder due at the earliest expiry; it survives restarts, unlike a timer.</summary>
    private async Task ScheduleExpiry()
    {
        var next = Board.NextExpiry;
        if (next is null)
        {
            var existing = await this.GetReminder(ExpiryReminder);
            if (existing is not null) await this.UnregisterReminder(existing);
            return;
        }
        var due = next.Value - clock.GetUtcNow();
        if (due < TimeSpan.Zero) due = TimeSpan.Zero;
        await this.RegisterOrUpdateReminder(ExpiryReminder, due, TimeSpan.FromMinutes(1));
    }
}
