using HomeService.EventLog;
using HomeService.Realtime;

namespace HomeService.Workers;

/// <summary>
/// One worker's live status. Thin around <see cref="Worker"/>: each change is an event written with the worker's
/// read row, then pushed to the merchant's board and the worker's own page.
/// </summary>
public sealed class WorkerGrain(
    [PersistentState("worker", "Default")] IPersistentState<Worker> state,
    IEventLog log,
    TimeProvider clock) : Grain, IWorkerGrain
{
    public static readonly EventCodec Codec = new("worker",
        ("WorkerRegistered", typeof(WorkerRegistered)), ("WorkerTookJob", typeof(WorkerTookJob)), ("WorkerJobProgressed", typeof(WorkerJobProgressed)),
        ("WorkerReleased", typeof(WorkerReleased)), ("WorkerStatusSet", typeof(WorkerStatusSet)));

    private Journal<Worker> _journal = null!;
    private Worker Me => _journal.State;
    private DateTimeOffset Now => clock.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<Worker>(state, log, Codec, this.GetPrimaryKeyString(), this);
        await _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<WorkerView?> Get() => Task.FromResult(Me.Exists ? Me.View() : null);

    public async Task<CommandResult<WorkerView>> TakeJob(string orderNo, string merchantId, IReadOnlyList<string> skills)
    {
        if (Me.CannotTake(orderNo, merchantId, skills, Now) is { } reason) return Refused(reason);
        if (Me.CurrentOrder != orderNo) await Record(new WorkerTookJob(orderNo, Now), $"order:{orderNo}");
        return CommandResult<WorkerView>.Ok(Me.View());
    }

    public async Task FollowJob(string orderNo, WorkerStatus status)
    {
        if (Me.CurrentOrder == orderNo && Me.Status != status) await Record(new WorkerJobProgressed(orderNo, status, Now), $"order:{orderNo}");
    }

    public async Task ReleaseJob(string orderNo)
    {
        if (Me.CurrentOrder == orderNo) await Record(new WorkerReleased(orderNo, Now), $"order:{orderNo}");
    }

    public async Task<CommandResult<WorkerView>> SetStatus(string merchantId, WorkerStatus status, string actor)
    {
        if (Me.CannotSet(merchantId, status) is { } reason) return Refused(reason);
        if (Me.Status != status) await Record(new WorkerStatusSet(status, Now), actor);
        return CommandResult<WorkerView>.Ok(Me.View());
    }

    private async Task Record(object e, string actor)
    {
        await _journal.Record(e, actor, Now, w => [new ReadModelWrite(
            "UPDATE worker SET status = $2, current_order = $3, status_since = $4 WHERE id = $1",
            w.WorkerId, w.Status.ToString(), w.CurrentOrder, w.StatusSince)]);
        var view = Me.View();
        await GrainFactory.Push(PushGroups.Merchant(view.MerchantId), "worker.status", view, view.Version);
        await GrainFactory.Push(PushGroups.Worker(view.WorkerId), "worker.status", view, view.Version);
    }

    private static CommandResult<WorkerView> Refused(string code) =>
        CommandResult<WorkerView>.Invalid(new Dictionary<string, string[]> { ["workerId"] = [code] });
}
