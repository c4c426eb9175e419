using System.Text.Json;
using HomeService.Audit;
using HomeService.EventLog;
using HomeService.Realtime;
using Npgsql;

namespace HomeService.Catalogue;

/// <summary>
/// The catalogue, read once from its read table on activation and then served from memory: every change goes through
/// this grain (admin pages, the admin API and the demo seeder alike), so memory never falls behind the table. Each
/// category is its own aggregate in the log; a change is its event, its row and its audit line in one transaction,
/// applied here only once committed. Orders copy a category's terms when they are classified, so a change reaches
/// new orders only. Agents' consoles hear of each change and reload their category list.
/// </summary>
public sealed class ServiceCatalogueGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IServiceCatalogueGrain
{
    public const string AggregateType = "service_category";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Dictionary<string, ServiceCategory> _categories = new();
    private readonly Dictionary<string, int> _versions = new();

    public override async Task OnActivateAsync(CancellationToken ct)
    {
        _categories = await Load(ct);
        await using var cmd = db.CreateCommand("SELECT aggregate_id, max(version) FROM event_log WHERE aggregate_type = $1 GROUP BY aggregate_id");
        cmd.Parameters.Add(new() { Value = AggregateType });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) _versions[r.GetString(0)] = r.GetInt32(1);
    }

    public Task<IReadOnlyList<ServiceCategory>> GetAll() =>
        Task.FromResult<IReadOnlyList<ServiceCategory>>(_categories.Values.OrderBy(x => x.SortOrder).ThenBy(x => x.Code, StringComparer.Ordinal).ToList());

    public Task<ServiceCategory?> Get(string code) => Task.FromResult(_categories.GetValueOrDefault(code));

    public async Task<CommandResult<ServiceCategory>> Add(NewCategory category, string actor)
    {
        var code = category.Code?.Trim() ?? "";
        var parent = string.IsNullOrWhiteSpace(category.ParentCode) ? null : category.ParentCode.Trim();
        // A category without terms of its own needs only the worker skill of its own name; a group has no terms.
        var terms = category.Terms is { } given ? CategoryTermsRules.Normalize(given) : new CategoryTerms([], null, null, null, null, parent is null ? [] : [code]);
        var draft = category with { Code = code, ParentCode = parent, NameZh = category.NameZh?.Trim() ?? "", NameEn = category.NameEn?.Trim() ?? "", Terms = terms };
        var errors = CategoryRules.ValidateNew(draft, _categories);
        if (errors.Count > 0) return CommandResult<ServiceCategory>.Invalid(errors);
        var added = new ServiceCategory(code, parent, draft.NameZh, draft.NameEn,
            draft.SortOrder ?? (_categories.Count == 0 ? 1 : _categories.Values.Max(x => x.SortOrder) + 1), true, terms, 1);
        var now = clock.GetUtcNow();
        await Append(added, "CategoryDefined", added, actor, now, "category.add", null, Audited(added), new ReadModelWrite("""
            INSERT INTO service_category (code, parent_code, name_zh, name_en, sort_order, active, required_fields, dispatch_sla_minutes,
                completion_grace_hours, price_guide_zh, price_guide_en, skills, terms_version, updated_at, description_zh, description_en,
                duration_zh, duration_en, aliases)
            VALUES ($1, $2, $3, $4, $5, true, $6::jsonb, $7, $8, $9, $10, $11, 1, $12, $13, $14, $15, $16, $17)
            """, code, parent, added.NameZh, added.NameEn, added.SortOrder, JsonSerializer.Serialize(terms.Fields, Json), terms.DispatchSlaMinutes,
            terms.CompletionGraceHours, terms.PriceGuideZh, terms.PriceGuideEn, terms.Skills.ToArray(), now, terms.DescriptionZh,
            terms.DescriptionEn, terms.DurationZh, terms.DurationEn, (terms.Aliases ?? []).ToArray()));
        return CommandResult<ServiceCategory>.Ok(added);
    }

    public async Task<CommandResult<ServiceCategory>> Edit(string code, CategoryEdit edit, string actor)
    {
        if (!_categories.TryGetValue(code, out var current)) return Unknown();
        var terms = CategoryTermsRules.Normalize(edit.Terms ?? current.Terms);
        var draft = edit with
        {
            NameZh = edit.NameZh?.Trim() ?? "", NameEn = edit.NameEn?.Trim() ?? "",
            ParentCode = string.IsNullOrWhiteSpace(edit.ParentCode) ? null : edit.ParentCode.Trim(), Terms = terms,
        };
        var errors = CategoryRules.ValidateEdit(current, draft, _categories);
        if (errors.Count > 0) return CommandResult<ServiceCategory>.Invalid(errors);
        var termsChanged = !SameTerms(current.Terms, terms);
        var edited = current with
        {
            NameZh = draft.NameZh, NameEn = draft.NameEn, ParentCode = draft.ParentCode, SortOrder = draft.SortOrder,
            Terms = termsChanged ? terms : current.Terms, TermsVersion = termsChanged ? current.TermsVersion + 1 : current.TermsVersion,
        };
        if (edited == current) return CommandResult<ServiceCategory>.Ok(current);
        var now = clock.GetUtcNow();
        await Append(edited, "CategoryEdited", new { draft.NameZh, draft.NameEn, draft.ParentCode, draft.SortOrder, Terms = termsChanged ? terms : null },
            actor, now, "category.edit", Audited(current), Audited(edited), Row(edited, now));
        return CommandResult<ServiceCategory>.Ok(edited);
    }

    public async Task<CommandResult<ServiceCategory>> ChangeTerms(string code, CategoryTerms terms, string actor)
    {
        if (!_categories.TryGetValue(code, out var current)) return Unknown();
        terms = CategoryTermsRules.Normalize(terms);
        var errors = CategoryTermsRules.Validate(terms);
        if (errors.Count > 0) return CommandResult<ServiceCategory>.Invalid(errors);
        var changed = current with { Terms = terms, TermsVersion = current.TermsVersion + 1 };
        var now = clock.GetUtcNow();
        await Append(changed, "CategoryTermsChanged", terms, actor, now, "category.terms", Audited(current), Audited(changed), Row(changed, now));
        return CommandResult<ServiceCategory>.Ok(changed);
    }

    public async Task<CommandResult<ServiceCategory>> SetActive(string code, bool active, string? reason, string actor)
    {
        if (!_categories.TryGetValue(code, out var current)) return Unknown();
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var errors = CategoryRules.ValidateActive(current, active, reason, _categories);
        if (errors.Count > 0) return CommandResult<ServiceCategory>.Invalid(errors);
        if (current.Active == active) return CommandResult<ServiceCategory>.Ok(current);
        var changed = current with { Active = active };
        var now = clock.GetUtcNow();
        await Append(changed, active ? "CategoryReinstated" : "CategoryRetired", new { reason }, actor, now,
            active ? "category.reinstate" : "category.retire", Audited(current), Audited(changed) with { Reason = reason },
            new ReadModelWrite("UPDATE service_category SET active = $2, updated_at = $3 WHERE code = $1", code, active, now));
        return CommandResult<ServiceCategory>.Ok(changed);
    }

    /// <summary>The event, its row and its audit line in one transaction; memory changes only after they commit.</summary>
    private async Task Append(ServiceCategory changed, string eventType, object payload, string actor, DateTimeOffset now, string action,
        AuditedCategory? before, AuditedCategory after, ReadModelWrite row)
    {
        var version = _versions.GetValueOrDefault(changed.Code) + 1;
        await log.AppendAsync(new EventAppend(
            [new EventRecord(AggregateType, changed.Code, version, eventType, JsonSerializer.Serialize(payload, Json), actor, now)],
            [row, AuditTrail.Row(actor, action, "category", changed.Code, before, after, now)]));
        _versions[changed.Code] = version;
        _categories[changed.Code] = changed;
        await GrainFactory.Push(PushGroups.Agents, "catalogue.changed", new { code = changed.Code }, _versions.Values.Sum());
    }

    private static ReadModelWrite Row(ServiceCategory c, DateTimeOffset now) => new("""
        UPDATE service_category SET parent_code = $2, name_zh = $3, name_en = $4, sort_order = $5, required_fields = $6::jsonb,
            dispatch_sla_minutes = $7, completion_grace_hours = $8, price_guide_zh = $9, price_guide_en = $10, skills = $11, terms_version = $12,
            updated_at = $13, description_zh = $14, description_en = $15, duration_zh = $16, duration_en = $17, aliases = $18
        WHERE code = $1
        """, c.Code, c.ParentCode, c.NameZh, c.NameEn, c.SortOrder, JsonSerializer.Serialize(c.Terms.Fields, Json), c.Terms.DispatchSlaMinutes,
        c.Terms.CompletionGraceHours, c.Terms.PriceGuideZh, c.Terms.PriceGuideEn, c.Terms.Skills.ToArray(), c.TermsVersion, now,
        c.Terms.DescriptionZh, c.Terms.DescriptionEn, c.Terms.DurationZh, c.Terms.DurationEn, (c.Terms.Aliases ?? []).ToArray());

    /// <summary>Records compare lists by reference; terms are the same when they read the same.</summary>
    private static bool SameTerms(CategoryTerms a, CategoryTerms b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    /// <summary>A category as its audit line shows it, with the reason given for a retirement or a reinstatement.</summary>
    private sealed record AuditedCategory(string Code, string? ParentCode, string NameZh, string NameEn, int SortOrder, bool Active,
        CategoryTerms Terms, int TermsVersion, string? Reason = null);

    private static AuditedCategory Audited(ServiceCategory c) =>
        new(c.Code, c.ParentCode, c.NameZh, c.NameEn, c.SortOrder, c.Active, c.Terms, c.TermsVersion);

    private static CommandResult<ServiceCategory> Unknown() =>
        CommandResult<ServiceCategory>.Invalid(new Dictionary<string, string[]> { ["code"] = ["unknown"] });

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private async Task<Dictionary<string, ServiceCategory>> Load(CancellationToken ct)
    {
        var result = new Dictionary<string, ServiceCategory>();
        await using var cmd = db.CreateCommand("""
            SELECT code, parent_code, name_zh, name_en, sort_order, active, required_fields::text, dispatch_sla_minutes, completion_grace_hours,
                   price_guide_zh, price_guide_en, skills, terms_version, description_zh, description_en, duration_zh, duration_en, aliases
            FROM service_category
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var terms = new CategoryTerms(JsonSerializer.Deserialize<List<CategoryField>>(r.GetString(6), Json)!,
                r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8),
                Text(r, 9), Text(r, 10), r.GetFieldValue<string[]>(11), Text(r, 13), Text(r, 14), Text(r, 15), Text(r, 16),
                r.GetFieldValue<string[]>(17));
            result[r.GetString(0)] = new ServiceCategory(r.GetString(0), Text(r, 1), r.GetString(2), r.GetString(3),
                r.GetInt32(4), r.GetBoolean(5), terms, r.GetInt32(12));
        }
        return result;
    }
}
