using HomeService.EventLog;

namespace HomeService.Members;

/// <summary>A member's profile as a fold of their events, with the rules for editing it.</summary>
public sealed class Member : IAggregateState
{
    public const int MaxAddresses = MemberLimits.MaxAddresses;

    public int Version { get; set; }
    public bool Exists { get; set; }
    public string MemberId { get; set; } = "";
    public string Name { get; set; } = "";
    public string Phone { get; set; } = "";
    public bool Vip { get; set; }
    public List<MemberAddress> Addresses { get; set; } = [];
    public ContactPreferences Preferences { get; set; } = new(true, true);

    public void Apply(object e)
    {
        switch (e)
        {
            case MemberRegistered r:
                (Exists, MemberId, Name, Phone, Vip) = (true, r.Id, r.Name, r.Phone, r.Vip);
                Addresses = (r.Addresses ?? []).Select(a => new MemberAddress("", a, "")).ToList();
                break;
            case MemberProfileEdited p:
                (Name, Addresses, Preferences) = (p.Name, p.Addresses.ToList(), p.Preferences);
                break;
            default:
                throw new ArgumentException($"Unknown member event {e.GetType().Name}");
        }
    }

    public MemberProfile View() => new(MemberId, Name, Phone, Vip, Addresses.ToList(), Preferences);

    /// <summary>The addresses as single lines, for the call center's screen pop (member.addresses).</summary>
    public string[] AddressLines() => Addresses.Select(a => string.IsNullOrEmpty(a.District) || a.Address.StartsWith(a.District)
        ? a.Address : $"{a.District}{a.Address}").ToArray();

    /// <summary>Trims every text, drops address rows left completely empty.</summary>
    public static ProfileEdit Normalize(ProfileEdit edit) => new(
        (edit.Name ?? "").Trim(),
        (edit.Addresses ?? []).Select(a => new MemberAddress((a.Label ?? "").Trim(), (a.Address ?? "").Trim(), (a.District ?? "").Trim()))
            .Where(a => a.Label.Length + a.Address.Length + a.District.Length > 0).ToList(),
        edit.Preferences ?? new ContactPreferences(true, true));

    /// <summary>Field errors of a normalized edit, keyed as in the request ("addresses[1].district").</summary>
    /// <param name="kept">
    /// The addresses stored now. One the center brought over from before districts were kept has none, and saving the
    /// profile as it reads back must not fail on it; a new address names its district.
    /// </param>
    public static Dictionary<string, string[]> Validate(ProfileEdit edit, IReadOnlyCollection<MemberAddress>? kept = null)
    {
        var errors = new Dictionary<string, string[]>();
        NameErrors(edit.Name, errors);
        if (edit.Addresses.Count > MaxAddresses) errors["addresses"] = [$"max_count:{MaxAddresses}"];
        for (var i = 0; i < edit.Addresses.Count && i < MaxAddresses; i++)
        {
            var a = edit.Addresses[i];
            if (a.Label.Length > 20) errors[$"addresses[{i}].label"] = ["max_length:20"];
            if (a.Address.Length == 0) errors[$"addresses[{i}].address"] = ["required"];
            else if (a.Address.Length > 200) errors[$"addresses[{i}].address"] = ["max_length:200"];
            if (a.District.Length == 0 && kept?.Any(k => k.District.Length == 0 && k.Address.Trim() == a.Address) != true)
                errors[$"addresses[{i}].district"] = ["required"];
            else if (a.District.Length > 50) errors[$"addresses[{i}].district"] = ["max_length:50"];
        }
        return errors;
    }

    public static void NameErrors(string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(name)) errors["name"] = ["required"];
        else if (name.Trim().Length > MemberLimits.NameMaxLength) errors["name"] = [$"max_length:{MemberLimits.NameMaxLength}"];
    }
}
