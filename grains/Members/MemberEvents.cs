namespace HomeService.Members;

/// <summary>
/// A member was created: registered on the website, or (At unset) brought over from the center's earlier records by the
/// seed, whose addresses are plain lines without a district.
/// </summary>
public sealed record MemberRegistered(string Id, string Name, string Phone, bool Vip, string[]? Addresses, DateTimeOffset At);

/// <summary>The member edited their profile: the whole of name, addresses and preferences as they are now.</summary>
public sealed record MemberProfileEdited(string Name, MemberAddress[] Addresses, ContactPreferences Preferences, DateTimeOffset At);
