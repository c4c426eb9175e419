using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.CallCenter.Directory;

/// <summary>示忙原因: the reasons an agent may pick, read with the rest of the directory and changed by the back office.</summary>
public sealed partial class CallCenterDirectoryGrain
{
    private readonly List<NotReadyReason> _reasons = [];

    public Task<IReadOnlyList<NotReadyReason>> GetNotReadyReasons() =>
        Task.FromResult<IReadOnlyList<NotReadyReason>>(_reasons.Where(r => r.Active).Concat(_reasons.Where(r => !r.Active)).ToList());

    public async Task<CommandResult<NotReadyReason>> SaveNotReadyReason(NotReadyReason reason, string actor)
    {
        var r = reason with { Code = reason.Code?.Trim() ?? "", NameZh = reason.NameZh?.Trim() ?? "", NameEn = reason.NameEn?.Trim() ?? "" };
        var errors = NotReadyReasonRules.Validate(r);
        if (errors.Count > 0) return CommandResult<NotReadyReason>.Invalid(errors);
        var index = _reasons.FindIndex(x => x.Code == r.Code);
        var before = index >= 0 ? _reasons[index] : null;
        var version = await NextVersion("not_ready_reason", r.Code);
        var now = clock.GetUtcNow();
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("not_ready_reason", r.Code, version, before is null ? "ReasonAdded" : "ReasonChanged", JsonSerializer.Serialize(r, Json), actor, now),
            new ReadModelWrite("""
                INSERT INTO not_ready_reason (code, name_zh, name_en, active, sort_order, updated_at)
                VALUES ($1, $2, $3, $4, (SELECT coalesce(max(sort_order), 0) + 1 FROM not_ready_reason), $5)
                ON CONFLICT (code) DO UPDATE SET name_zh = $2, name_en = $3, active = $4, updated_at = $5
                """, r.Code, r.NameZh, r.NameEn, r.Active, now),
            AuditTrail.Row(actor, before is null ? "reason.create" : "reason.update", "not-ready-reason", r.Code, before, r, now)));
        if (index >= 0) _reasons[index] = r;
        else _reasons.Add(r);
        return CommandResult<NotReadyReason>.Ok(r);
    }

    private async Task LoadReasons(NpgsqlConnection conn, CancellationToken ct)
    {
        _reasons.Clear();
        await using var cmd = new NpgsqlCommand("SELECT code, name_zh, name_en, active FROM not_ready_reason ORDER BY sort_order, code", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) _reasons.Add(new NotReadyReason(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));
    }

    private async Task<int> NextVersion(string aggregateType, string id) =>
        (await log.ReadAsync(aggregateType, id, 0)).Select(e => e.Version).DefaultIfEmpty(0).Max() + 1;
}
