namespace HomeService.Members;

// Events of a phone number's verification codes. None carries the code or its hash: the code is only in the SMS
// outbox row, its hash only in the grain's stored state.

/// <summary>A code of the purpose was sent (by SMS through the outbox), valid until ExpiresAt; it replaces an earlier one of that purpose.</summary>
public sealed record VerificationCodeSent(string Purpose, DateTimeOffset ExpiresAt, DateTimeOffset At);

/// <summary>A wrong code was tried against the live code of the purpose.</summary>
public sealed record VerificationCodeRejected(string Purpose, DateTimeOffset At);

/// <summary>The right code was given: it is used up.</summary>
public sealed record VerificationCodeAccepted(string Purpose, DateTimeOffset At);
