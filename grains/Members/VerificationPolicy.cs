namespace HomeService.Members;

/// <summary>The limits of SMS verification codes, from "HomeService:Members:…" (the defaults are the center's rules).</summary>
public sealed record VerificationPolicy
{
    /// <summary>How long a code is valid.</summary>
    public TimeSpan CodeLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>At most one code per number in this time.</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many codes per number in an hour.</summary>
    public int MaxPerHour { get; init; } = 5;

    /// <summary>At most this many code requests from one network address in an hour, whatever the numbers.</summary>
    public int MaxPerAddressPerHour { get; init; } = 20;

    /// <summary>Wrong tries a code survives; the next one voids it.</summary>
    public int MaxWrongTries { get; init; } = 5;
}
