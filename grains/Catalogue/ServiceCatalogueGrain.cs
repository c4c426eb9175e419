using System.Text.Json;
using HomeService.EventLog;
using Npgsql;

namespace HomeService.Catalogue;

/// <summary>
/// The catalogue, read once from its read table and then served from memory. A change of terms is an event on the
/// category (its version is the terms version) written with the row in one transaction, then applied here; orders
/// copy the terms when they are classified, so the change reaches new orders only.
/// </summary>
public sealed class ServiceCatalogueGrain(NpgsqlDataSource db, IEventLog log, TimeProvider clock) : Grain, IServiceCatalogueGrain
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Dictionary<string, ServiceCategory> _categories = new();

    public Task<IReadOnlyList<ServiceCategory>> GetAll() => Loaded(c => (IReadOnlyList<ServiceCategory>)c.Values.OrderBy(x => x.SortOrder).ToList());

    public Task<ServiceCategory?> Get(string code) => Loaded(c => c.GetValueOrDefault(code));

    public async Task<CommandResult<ServiceCategory>> ChangeTerms(string code, CategoryTerms terms, string actor)
    {
        var category = await Get(code);
        if (category is null) return CommandResult<ServiceCategory>.Invalid(new Dictionary<string, string[]> { ["code"] = ["unknown"] });
        terms = terms with
        {
            Fields = terms.Fields?.Select(f => f with { Key = f.Key?.Trim() ?? "", NameZh = f.NameZh?.Trim() ?? "", NameEn = f.NameEn?.Trim() ?? "" }).ToList()!,
            PriceGuideZh = Blank(terms.PriceGuideZh), PriceGuideEn = Blank(terms.PriceGuideEn),
            DescriptionZh = Blank(terms.DescriptionZh), DescriptionEn = Blank(terms.DescriptionEn),
            DurationZh = Blank(terms.DurationZh), DurationEn = Blank(terms.DurationEn),
            Skills = terms.Skills?.Select(s => s.Trim()).Distinct().ToList()!,
        };
        var errors = CategoryTermsRules.Validate(terms);
        if (errors.Count > 0) return CommandResult<ServiceCategory>.Invalid(errors);
        var changed = category with { Terms = terms, TermsVersion = category.TermsVersion + 1 };
        var now = clock.GetUtcNow();
        await log.AppendAsync(EventAppend.Of(
            new EventRecord("service_category", code, changed.TermsVersion, "CategoryTermsChanged", JsonSerializer.Serialize(terms, Json), actor, now),
            new ReadModelWrite("""
                UPDATE service_category SET required_fields = $2::jsonb, dispatch_sla_minutes = $3, completion_grace_hours = $4,
                    price_guide_zh = $5, price_guide_en = $6, skills = $7, terms_version = $8, updated_at = $9, description_zh = $10,
                    description_en = $11, duration_zh = $12, duration_en = $13
                WHERE code = $1
                """, code, JsonSerializer.Serialize(terms.Fields, Json), terms.DispatchSlaMinutes, terms.CompletionGraceHours, terms.PriceGuideZh,
                terms.PriceGuideEn, terms.Skills.ToArray(), changed.TermsVersion, now, terms.DescriptionZh, terms.DescriptionEn, terms.DurationZh,
                terms.DurationEn)));
        _categories[code] = changed;
        return CommandResult<ServiceCategory>.Ok(changed);
    }

    private static string? Text(Npgsql.NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>An empty catalogue is read again next time: the silo may have answered before the seed ran.</summary>
    private async Task<T> Loaded<T>(Func<Dictionary<string, ServiceCategory>, T> read)
    {
        if (_categories.Count == 0) _categories = await Load();
        return read(_categories);
    }

    private async Task<Dictionary<string, ServiceCategory>> Load()
    {
        var result = new Dictionary<string, ServiceCategory>();
        await using var cmd = db.CreateCommand("""
            SELECT code, parent_code, name_zh, name_en, sort_order, active, required_fields::text, dispatch_sla_minutes, completion_grace_hours,
                   price_guide_zh, price_guide_en, skills, terms_version, description_zh, description_en, duration_zh, duration_en
            FROM service_category
            """);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            var terms = new CategoryTerms(JsonSerializer.Deserialize<List<CategoryField>>(r.GetString(6), Json)!,
                r.IsDBNull(7) ? null : r.GetInt32(7), r.IsDBNull(8) ? null : r.GetInt32(8),
                r.IsDBNull(9) ? null : r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10), r.GetFieldValue<string[]>(11),
                Text(r, 13), Text(r, 14), Text(r, 15), Text(r, 16));
            result[r.GetString(0)] = new ServiceCategory(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3),
                r.GetInt32(4), r.GetBoolean(5), terms, r.GetInt32(12));
        }
        return result;
    }
}
