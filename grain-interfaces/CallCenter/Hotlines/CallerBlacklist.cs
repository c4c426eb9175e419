using Orleans.Concurrency;

namespace HomeService.CallCenter;

/// <summary>
/// A nuisance number on the blacklist (黑名单): why, until which day (Asia/Shanghai, inclusive), who blocked it and,
/// when blocked from the call history, the call.
/// </summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.BlacklistEntry")]
public sealed record BlacklistEntry(
    [property: Id(0)] string Number,
    [property: Id(1)] string Reason,
    [property: Id(2)] DateOnly ExpiresOn,
    [property: Id(3)] string BlockedBy,
    [property: Id(4)] DateTimeOffset BlockedAt,
    [property: Id(5)] string? CallId = null);

/// <summary>One version of a number's place on the list: the entry, or null once lifted (Note: why it was lifted).</summary>
[GenerateSerializer, Immutable, Alias("HomeService.CallCenter.BlacklistVersion")]
public sealed record BlacklistVersion(
    [property: Id(0)] string Number,
    [property: Id(1)] int Version,
    [property: Id(2)] BlacklistEntry? Entry,
    [property: Id(3)] string? Note,
    [property: Id(4)] string ChangedBy,
    [property: Id(5)] DateTimeOffset ChangedAt);

/// <summary>
/// The caller blacklist (key 0), held in memory: every offered call is checked here, never by a database read. Each
/// number's entry is versioned on its own (block, change, lift, revert).
/// </summary>
[Alias("HomeService.CallCenter.ICallerBlacklistGrain")]
public interface ICallerBlacklistGrain : IGrainWithIntegerKey
{
    /// <summary>The entry that blocks <paramref name="caller"/> at <paramref name="at"/>, or null.</summary>
    [ReadOnly, Alias("Check")] Task<BlacklistEntry?> Check(string caller, DateTimeOffset at);

    [Alias("Get")] Task<BlacklistVersion?> Get(string number);

    /// <summary>Puts a number on the list, or changes its reason or expiry (a new version either way).</summary>
    [Alias("Block")] Task<CommandResult<BlacklistVersion>> Block(string number, string reason, DateOnly? expiresOn, string? callId, string actor);

    [Alias("Unblock")] Task<CommandResult<BlacklistVersion>> Unblock(string number, string reason, string actor);

    /// <summary>A new version with the previous version's content (before the first: not on the list).</summary>
    [Alias("Revert")] Task<CommandResult<BlacklistVersion>> Revert(string number, string actor);
}
