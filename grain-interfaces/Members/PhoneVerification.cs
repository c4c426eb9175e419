namespace HomeService.Members;

/// <summary>What a phone verification code is for; a code of one purpose never passes for another.</summary>
public static class VerificationPurposes
{
    public const string Register = "register";
    public const string Login = "login";
    public const string Reset = "reset";
    public const string Order = "order";

    public static readonly IReadOnlyList<string> All = [Register, Login, Reset, Order];
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
