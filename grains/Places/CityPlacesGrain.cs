using HomeService.Audit;
using HomeService.EventLog;
using HomeService.Realtime;

namespace HomeService.Places;

/// <summary>
/// The city's districts and streets: one aggregate ("city_places", key 0), held in memory. Every change is its event,
/// its city_district / city_street row and its audit line in one transaction. Web hosts poll <see cref="Changed"/> with
/// the version they hold; agents' consoles hear of a change and reload their district list.
/// </summary>
public sealed class CityPlacesGrain(
    [PersistentState("places", "Default")] IPersistentState<CityPlacesState> state,
    IEventLog log,
    TimeProvider clock) : Grain, ICityPlacesGrain
{
    public static readonly EventCodec Codec = new("city_places", ("DistrictAdded", typeof(DistrictAdded)), ("DistrictEdited", typeof(DistrictEdited)),
        ("DistrictRetired", typeof(DistrictRetired)), ("DistrictReinstated", typeof(DistrictReinstated)), ("StreetAdded", typeof(StreetAdded)),
        ("StreetRenamed", typeof(StreetRenamed)), ("StreetRetired", typeof(StreetRetired)), ("StreetReinstated", typeof(StreetReinstated)));
    private Journal<CityPlacesState> _journal = null!;
    private CityPlaces? _view;

    private List<District> Districts => _journal.State.Districts;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<CityPlacesState>(state, log, Codec, "0", this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public Task<CityPlaces> GetAll() => Task.FromResult(View());

    public Task<CityPlaces?> Changed(long knownVersion) => Task.FromResult(knownVersion == _journal.State.Version ? null : View());

    public Task<District?> Find(string name) =>
        Task.FromResult(Districts.FirstOrDefault(d => d.NameZh == name) ?? Districts.FirstOrDefault(d => d.FormerNames.Contains(name)));

    public async Task<CommandResult<District>> AddDistrict(NewDistrict district, string actor)
    {
        var d = district with { Code = district.Code?.Trim() ?? "", NameZh = district.NameZh?.Trim() ?? "", NameEn = district.NameEn?.Trim() ?? "" };
        var errors = PlaceRules.ValidateNew(d, Districts);
        if (errors.Count > 0) return CommandResult<District>.Invalid(errors);
        var order = d.SortOrder ?? (Districts.Count == 0 ? 1 : Districts.Max(x => x.SortOrder) + 1);
        return await Record(new DistrictAdded(d.Code, d.NameZh, d.NameEn, order), d.Code, actor, "district.add", null, null);
    }

    public async Task<CommandResult<District>> EditDistrict(string code, DistrictEdit edit, string actor)
    {
        if (Districts.FirstOrDefault(x => x.Code == code) is not { } current) return Unknown("code");
        var e = edit with { NameZh = edit.NameZh?.Trim() ?? "", NameEn = edit.NameEn?.Trim() ?? "" };
        var errors = PlaceRules.ValidateEdit(current, e, Districts);
        if (errors.Count > 0) return CommandResult<District>.Invalid(errors);
        if ((e.NameZh, e.NameEn, e.SortOrder) == (current.NameZh, current.NameEn, current.SortOrder)) return CommandResult<District>.Ok(current);
        return await Record(new DistrictEdited(code, e.NameZh, e.NameEn, e.SortOrder), code, actor, "district.edit", current, null);
    }

    public async Task<CommandResult<District>> SetDistrictActive(string code, bool active, string? reason, string actor)
    {
        if (Districts.FirstOrDefault(x => x.Code == code) is not { } current) return Unknown("code");
        reason = Blank(reason);
        var errors = PlaceRules.ValidateReason(reason);
        if (errors.Count > 0) return CommandResult<District>.Invalid(errors);
        if (current.Active == active) return CommandResult<District>.Ok(current);
        return await Record(active ? new DistrictReinstated(code, reason) : new DistrictRetired(code, reason), code, actor,
            active ? "district.reinstate" : "district.retire", current, reason);
    }

    public async Task<CommandResult<District>> AddStreet(string district, StreetNames street, string actor)
    {
        if (Districts.FirstOrDefault(x => x.Code == district) is not { } current) return Unknown("district");
        var s = Trimmed(street);
        var errors = PlaceRules.ValidateStreet(current, null, s);
        if (errors.Count > 0) return CommandResult<District>.Invalid(errors);
        var code = PlaceRules.NextStreetCode(current);
        return await Record(new StreetAdded(district, code, s.NameZh, s.NameEn), district, actor, "street.add", null, null, code);
    }

    public async Task<CommandResult<District>> RenameStreet(string street, StreetNames names, string actor)
    {
        if (WithStreet(street) is not { } current) return Unknown("street");
        var was = current.Streets.First(x => x.Code == street);
        var district = current.Code;
        var s = Trimmed(names);
        var errors = PlaceRules.ValidateStreet(current, street, s);
        if (errors.Count > 0) return CommandResult<District>.Invalid(errors);
        if ((s.NameZh, s.NameEn) == (was.NameZh, was.NameEn)) return CommandResult<District>.Ok(current);
        return await Record(new StreetRenamed(district, street, s.NameZh, s.NameEn), district, actor, "street.edit", current, null, street);
    }

    public async Task<CommandResult<District>> SetStreetActive(string street, bool active, string? reason, string actor)
    {
        if (WithStreet(street) is not { } current) return Unknown("street");
        var was = current.Streets.First(x => x.Code == street);
        var district = current.Code;
        reason = Blank(reason);
        var errors = PlaceRules.ValidateReason(reason);
        if (errors.Count > 0) return CommandResult<District>.Invalid(errors);
        if (was.Active == active) return CommandResult<District>.Ok(current);
        return await Record(active ? new StreetReinstated(district, street, reason) : new StreetRetired(district, street, reason), district, actor,
            active ? "street.reinstate" : "street.retire", current, reason, street);
    }

    private District? WithStreet(string street) => Districts.FirstOrDefault(d => d.Streets.Any(s => s.Code == street));

    /// <summary>
    /// Appends the event with the district's (or street's) row as it now stands and an audit line of before and after.
    /// A street's audit line names it by its code and shows just that street.
    /// </summary>
    private async Task<CommandResult<District>> Record(object e, string code, string actor, string action, District? before, string? reason,
        string? street = null)
    {
        var now = clock.GetUtcNow();
        await _journal.Record(e, actor, now, s =>
        {
            var d = s.District(code)!;
            if (street is null)
                return [DistrictRow(d, now), AuditTrail.Row(actor, action, "district", code, before is null ? null : Audited(before), Audited(d) with { Reason = reason }, now)];
            var index = d.Streets.ToList().FindIndex(x => x.Code == street);
            var was = before?.Streets.FirstOrDefault(x => x.Code == street);
            return
            [
                StreetRow(d, d.Streets[index], index + 1, now),
                AuditTrail.Row(actor, action, "street", street, was is null ? null : Audited(d, was), Audited(d, d.Streets[index]) with { Reason = reason }, now),
            ];
        });
        _view = null;
        await GrainFactory.Push(PushGroups.Agents, "places.changed", new { district = code }, _journal.State.Version);
        return CommandResult<District>.Ok(_journal.State.District(code)!);
    }

    private static ReadModelWrite DistrictRow(District d, DateTimeOffset now) => new("""
        INSERT INTO city_district (code, name_zh, name_en, sort_order, active, former_names, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (code) DO UPDATE SET name_zh = $2, name_en = $3, sort_order = $4, active = $5, former_names = $6, updated_at = $7
        """, d.Code, d.NameZh, d.NameEn, d.SortOrder, d.Active, d.FormerNames.ToArray(), now);

    private static ReadModelWrite StreetRow(District d, Street s, int order, DateTimeOffset now) => new("""
        INSERT INTO city_street (district_code, code, name_zh, name_en, sort_order, active, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (district_code, code) DO UPDATE SET name_zh = $3, name_en = $4, active = $6, updated_at = $7
        """, d.Code, s.Code, s.NameZh, s.NameEn, order, s.Active, now);

    private sealed record AuditedPlace(string Code, string NameZh, string NameEn, bool Active, int? SortOrder = null,
        IReadOnlyList<string>? FormerNames = null, string? District = null, string? Reason = null);

    private static AuditedPlace Audited(District d) => new(d.Code, d.NameZh, d.NameEn, d.Active, d.SortOrder, d.FormerNames);

    private static AuditedPlace Audited(District d, Street s) => new(s.Code, s.NameZh, s.NameEn, s.Active, District: d.NameZh);

    /// <summary>The districts in menu order; built once per version, since every web host and page asks for it.</summary>
    private CityPlaces View() => _view ??= new CityPlaces(_journal.State.Version,
        Districts.OrderBy(d => d.SortOrder).ThenBy(d => d.Code, StringComparer.Ordinal).ToList());

    private static StreetNames Trimmed(StreetNames s) => new(s.NameZh?.Trim() ?? "", s.NameEn?.Trim() ?? "");

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static CommandResult<District> Unknown(string field) =>
        CommandResult<District>.Invalid(new Dictionary<string, string[]> { [field] = ["unknown"] });
}
