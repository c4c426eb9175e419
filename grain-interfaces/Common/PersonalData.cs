namespace HomeService;

/// <summary>Masks personal data for viewers who have no need for it whole.</summary>
public static class PersonalData
{
    /// <summary>13912345678 → 139****5678.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length >= 11 ? $"{phone[..3]}****{phone[^4..]}" : new string('*', Math.Max(0, phone.Length - 2)) + phone[Math.Max(0, phone.Length - 2)..];

    /// <summary>刘桂芳 → 刘**: the surname and one star per character of the given name; nothing for no name.</summary>
    public static string? MaskName(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : name.Trim().Length <= 1 ? name.Trim() : name.Trim()[0] + new string('*', name.Trim().Length - 1);

    /// <summary>Keeps the district-level start of an address (enough to judge distance), hides the rest.</summary>
    public static string? MaskAddress(string? address) =>
        address is null ? null : address.Length <= 6 ? "****" : $"{address[..6]}****";
}
