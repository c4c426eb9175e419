namespace HomeService.Members;

/// <summary>What a phone verification code is for; a code of one purpose never passes for another.</summary>
public static class VerificationPurposes
{
    public const string Register = "register";
    public const string Login = "login";
    public const string Reset = "reset";
    public const string Order = "order";

    /// <summary>A guest's website callback (免费网上呼): agents call only a number its holder has proved.</summary>
    public const string Callback = "callback";

    public static readonly IReadOnlyList<string> All = [Register, Login, Reset, Order, Callback];
}

/// <summary>A send's answer: sent (the code valid until ExpiresAt; the next may be sent after ResendAfterSeconds), or refused by the number's rate limit with the seconds to wait.</summary>
[GenerateSerializer, Immutable, Alias("HomeService.Members.VerificationSend")]
public sealed record VerificationSend(
    [property: Id(0)] bool Sent,
    [property: Id(1)] int RetryAfterSeconds,
    [property: Id(2)] DateTimeOffset? ExpiresAt,
    [property: Id(3)] int ExpiresInSeconds,
    [property: Id(4)] int ResendAfterSeconds);

/// <summary>A check's answer. Missing: no live code of that purpose (never sent, already used, or void after too many wrong tries).</summary>
public enum VerificationOutcome { Accepted, Wrong, Expired, Missing, TooManyTries }

/// <summary>
/// SMS verification codes of one mobile number, keyed by the normalized number (11 digits). Only a hash of a code is
/// kept; the code itself goes out in the SMS outbox row and nowhere else. Any flow that must prove a person holds a
/// number uses it: registration, password reset, and a guest's online order.
/// </summary>
[Alias("HomeService.Members.IPhoneVerificationGrain")]
public interface IPhoneVerificationGrain : IGrainWithStringKey
{
    /// <summary>Issues a new 6-digit code for the purpose (replacing an earlier one of that purpose) unless the number is over its rate limit.</summary>
    [Alias("Send")] Task<VerificationSend> Send(string purpose);

    /// <summary>Checks a code; an accepted code is used up, and a code is void after too many wrong tries.</summary>
    [Alias("Verify")] Task<VerificationOutcome> Verify(string purpose, string code);
}

/// <summary>
/// Verification-code requests from one network address (keyed by <see cref="CodeRequestAddress.KeyOf"/>): an hourly limit on top of
/// each number's own, so one client cannot send codes to number after number.
/// </summary>
[Alias("HomeService.Members.ICodeRequestQuotaGrain")]
public interface ICodeRequestQuotaGrain : IGrainWithStringKey
{
    /// <summary>Zero when the request may go ahead (and is counted); otherwise the seconds to wait.</summary>
    [Alias("Take")] Task<int> Take();
}

/// <summary>One code request as every form and the API make it: the address's hourly quota first, then the number's own limits.</summary>
public static class CodeRequests
{
    /// <summary>The number's answer, or a refusal carrying the address's wait when the address is over its quota (nothing sent).</summary>
    public static async Task<VerificationSend> Send(IGrainFactory grains, System.Net.IPAddress? from, string phone, string purpose)
    {
        var addressWait = await grains.GetGrain<ICodeRequestQuotaGrain>(CodeRequestAddress.KeyOf(from)).Take();
        return addressWait > 0
            ? new VerificationSend(false, addressWait, null, 0, 0)
            : await grains.GetGrain<IPhoneVerificationGrain>(phone).Send(purpose);
    }
}

public static class CodeRequestAddress
{
    /// <summary>
    /// The key an address counts under: an IPv4 address as it is, an IPv6 address by its /64 prefix, since one home or
    /// phone is handed a whole /64 and can pick a fresh address in it for every request.
    /// </summary>
    public static string KeyOf(System.Net.IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }
}

/// <summary>The validation code a refused verification is reported with, in every form and API that takes a code.</summary>
public static class VerificationCodeErrors
{
    public static string Of(VerificationOutcome outcome) => outcome switch
    {
        VerificationOutcome.Wrong => "code-wrong",
        VerificationOutcome.Expired => "code-expired",
        VerificationOutcome.TooManyTries => "code-void",
        _ => "code-missing",
    };
}
