namespace HomeService;

/// <summary>Masks personal data for viewers who have no need for it whole.</summary>
public static class PersonalData
{
    /// <summary>13912345678 → 139****5678.</summary>
    public static string MaskPhone(string phone) =>
        phone.Length >= 11 ? $"{phone[..3]}****{phone[^4..]}" : new string('*', Math.Max(0, phone.Length - 2)) + phone[Math.Max(0, phone.Length - 2)..];

    /// <summary>Keeps the district-level start of an address (enough to judge distance), hides the rest.</summary>
    public static string? MaskAddress(string? address) =>
        address is null ? null : address.Length <= 6 ? "****" : $"{address[..6]}****";
}
