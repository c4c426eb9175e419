using Orleans.Concurrency;
using HomeService.EventLog;

namespace HomeService.Audit;

/// <summary>Audit lines with no event of their own (sign-ins), through the group-committed log like every other write.</summary>
[StatelessWorker]
public sealed class AuditLogGrain(IEventLog log, TimeProvider clock) : Grain, IAuditLogGrain
{
    public Task Record(AuditEntry entry) => log.AppendAsync(new EventAppend([], [AuditTrail.Row(entry, clock.GetUtcNow())]));
}
