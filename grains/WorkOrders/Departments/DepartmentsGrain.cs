using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.WorkOrders.Departments;

/// <summary>
/// 部门: read once from the department table (whose first rows a schema script wrote, so orders from before this list
/// keep their names), then served from memory. Every change is an event with the department row and an audit line.
/// </summary>
public sealed class DepartmentsGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IDepartmentsGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<Department> _departments = [];

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand("SELECT code, name_zh, name_en, active FROM department ORDER BY sort_order, code", conn);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) _departments.Add(new Department(r.GetString(0), r.GetString(1), r.GetString(2), r.GetBoolean(3)));
    }

    public Task<IReadOnlyList<Department>> GetAll() =>
        Task.FromResult<IReadOnlyList<Department>>(_departments.Where(d => d.Active).Concat(_departments.Where(d => !d.Active)).ToList());

    public Task<Department?> Get(string code) => Task.FromResult(_departments.FirstOrDefault(d => d.Code == code));

    public async Task<CommandResult<Department>> Create(Department department, string actor)
    {
        var d = Normalize(department) with { Active = true };
        var errors = DepartmentRules.Validate(d, isNew: true, _departments);
        return errors.Count > 0 ? CommandResult<Department>.Invalid(errors) : await Apply(d, null, actor);
    }

    public async Task<CommandResult<Department>> Update(Department department, string actor)
    {
        var d = Normalize(department);
        var index = _departments.FindIndex(x => x.Code == d.Code);
        if (index < 0) return CommandResult<Department>.Invalid(new Dictionary<string, string[]> { ["code"] = ["unknown"] });
        var errors = DepartmentRules.Validate(d, isNew: false, _departments);
        if (errors.Count > 0) return CommandResult<Department>.Invalid(errors);
        return d == _departments[index] ? CommandResult<Department>.Ok(d) : await Apply(d, _departments[index], actor);
    }

    private async Task<CommandResult<Department>> Apply(Department d, Department? before, string actor)
    {
        var (eventType, action) = before is null ? ("DepartmentAdded", "department.create")
            : before.Active && !d.Active ? ("DepartmentRetired", "department.retire")
            : !before.Active && d.Active ? ("DepartmentReinstated", "department.reinstate")
            : ("DepartmentRenamed", "department.update");
        var now = clock.GetUtcNow();
        var version = (await log.ReadAsync("department", d.Code, 0)).Select(e => e.Version).DefaultIfEmpty(0).Max() + 1;
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("department", d.Code, version, eventType, JsonSerializer.Serialize(d, Json), actor, now),
            new ReadModelWrite("""
                INSERT INTO department (code, name_zh, name_en, active, sort_order, updated_at)
                VALUES ($1, $2, $3, $4, (SELECT coalesce(max(sort_order), 0) + 1 FROM department), $5)
                ON CONFLICT (code) DO UPDATE SET name_zh = $2, name_en = $3, active = $4, updated_at = $5
                """, d.Code, d.NameZh, d.NameEn, d.Active, now),
            AuditTrail.Row(actor, action, "department", d.Code, before, d, now)));
        var index = _departments.FindIndex(x => x.Code == d.Code);
        if (index >= 0) _departments[index] = d;
        else _departments.Add(d);
        return CommandResult<Department>.Ok(d);
    }

    private static Department Normalize(Department d) =>
        d with { Code = d.Code?.Trim().ToLowerInvariant() ?? "", NameZh = d.NameZh?.Trim() ?? "", NameEn = d.NameEn?.Trim() ?? "" };
}
