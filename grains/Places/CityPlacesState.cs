using HomeService.EventLog;

namespace HomeService.Places;

public sealed record DistrictAdded(string Code, string NameZh, string NameEn, int SortOrder);

/// <summary>New names or place; a new Chinese name keeps the old one as a former name, so records that carry it stay valid.</summary>
public sealed record DistrictEdited(string Code, string NameZh, string NameEn, int SortOrder);

public sealed record DistrictRetired(string Code, string? Reason);

public sealed record DistrictReinstated(string Code, string? Reason);

public sealed record StreetAdded(string District, string Code, string NameZh, string NameEn);

public sealed record StreetRenamed(string District, string Code, string NameZh, string NameEn);

public sealed record StreetRetired(string District, string Code, string? Reason);

public sealed record StreetReinstated(string District, string Code, string? Reason);

/// <summary>The city's districts with their streets, as the fold of the places' events.</summary>
public sealed class CityPlacesState : IAggregateState
{
    public int Version { get; set; }
    public List<District> Districts { get; set; } = [];

    public District? District(string code) => Districts.FirstOrDefault(d => d.Code == code);

    public void Apply(object e)
    {
        switch (e)
        {
            case DistrictAdded a:
                Districts.Add(new District(a.Code, a.NameZh, a.NameEn, a.SortOrder, true, [], []));
                break;
            case DistrictEdited x:
                Change(x.Code, d => d with
                {
                    NameZh = x.NameZh, NameEn = x.NameEn, SortOrder = x.SortOrder,
                    FormerNames = x.NameZh == d.NameZh ? d.FormerNames : d.FormerNames.Append(d.NameZh).Where(n => n != x.NameZh).Distinct().ToList(),
                });
                break;
            case DistrictRetired r: Change(r.Code, d => d with { Active = false }); break;
            case DistrictReinstated r: Change(r.Code, d => d with { Active = true }); break;
            case StreetAdded s: Change(s.District, d => d with { Streets = [.. d.Streets, new Street(s.Code, s.NameZh, s.NameEn, true)] }); break;
            case StreetRenamed s: ChangeStreet(s.District, s.Code, x => x with { NameZh = s.NameZh, NameEn = s.NameEn }); break;
            case StreetRetired s: ChangeStreet(s.District, s.Code, x => x with { Active = false }); break;
            case StreetReinstated s: ChangeStreet(s.District, s.Code, x => x with { Active = true }); break;
            default: throw new ArgumentException($"Unknown places event {e.GetType().Name}");
        }
    }

    private void Change(string code, Func<District, District> change)
    {
        var i = Districts.FindIndex(d => d.Code == code);
        if (i < 0) throw new ArgumentException($"Places event for unknown district {code}");
        Districts[i] = change(Districts[i]);
    }

    private void ChangeStreet(string district, string code, Func<Street, Street> change) =>
        Change(district, d => d with { Streets = d.Streets.Select(s => s.Code == code ? change(s) : s).ToList() });
}
