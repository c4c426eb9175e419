namespace HomeService.Members;

/// <summary>One of a member's service addresses; the district is what dispatch matches merchants on.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Members.MemberAddress")]
public sealed record MemberAddress(
    [property: Id(0)] string Label,
    [property: Id(1)] string Address,
    [property: Id(2)] string District);

/// <summary>How the member wants to hear from the center.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Members.ContactPreferences")]
public sealed record ContactPreferences(
    [property: Id(0)] bool Sms,
    [property: Id(1)] bool InApp);

[GenerateSerializer, Immutable, Alias("HomeService.Members.MemberProfile")]
public sealed record MemberProfile(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Phone,
    [property: Id(3)] bool Vip,
    [property: Id(4)] IReadOnlyList<MemberAddress> Addresses,
    [property: Id(5)] ContactPreferences Preferences);

/// <summary>What a member may change of their own profile (会员资料): the phone number is the login and stays.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Members.ProfileEdit")]
public sealed record ProfileEdit(
    [property: Id(0)] string Name,
    [property: Id(1)] IReadOnlyList<MemberAddress> Addresses,
    [property: Id(2)] ContactPreferences Preferences);

/// <summary>The member a phone number belongs to, and the login of their web account if they have one.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Members.MemberPhoneEntry")]
public sealed record MemberPhoneEntry(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string? Login);

/// <summary>A member (会员), keyed by member id (R1001, …; R0001 and the like came with the center's earlier records).</summary>
[Alias("HomeService.Members.IMemberGrain")]
public interface IMemberGrain : IGrainWithStringKey
{
    [Alias("Get")] Task<MemberProfile?> Get();

    /// <summary>Creates the member under this id; called by the phone index, which has made sure the number is free.</summary>
    [Alias("Register")] Task<CommandResult<MemberProfile>> Register(string name, string phone, string actor);

    /// <summary>The member edits name, addresses and contact preferences; field errors name what is wrong.</summary>
    [Alias("EditProfile")] Task<CommandResult<MemberProfile>> EditProfile(ProfileEdit edit, string actor);
}

/// <summary>
/// The phone index beside the member grains, keyed by the normalized mobile number: one member per number. Registration
/// runs here, so two sign-ups of one number are served one after the other.
/// </summary>
[Alias("HomeService.Members.IMemberPhoneIndexGrain")]
public interface IMemberPhoneIndexGrain : IGrainWithStringKey
{
    [Alias("Find")] Task<MemberPhoneEntry?> Find();

    /// <summary>
    /// Creates the member (or takes over the center's existing record of this number that has no web account yet) and a
    /// Resident login named by the number. Refused with a "phone" field error when the number already has an account.
    /// </summary>
    [Alias("Register")] Task<CommandResult<MemberPhoneEntry>> Register(string name, string passwordHash, string actor);
}

/// <summary>Sizes the web forms and the member grain agree on.</summary>
public static class MemberLimits
{
    public const int MaxAddresses = 10;
    public const int NameMaxLength = 50;
}
