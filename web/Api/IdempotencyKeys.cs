using System.Security.Claims;

namespace HomeService.Web.Api;

/// <summary>
/// The optional Idempotency-Key on the creates an agent's screen or a script may send twice (a retry after a timeout,
/// possibly through the other web host after a crash): one key makes one order per account, and a repeat answers with
/// the order the first request made. Without a key every request makes a new one, as before.
/// </summary>
public static class IdempotencyKeys
{
    public const int MaxLength = 128;

    /// <summary>A key the caller sent that cannot be one (blank or too long): refused, naming the header.</summary>
    public static Dictionary<string, string[]>? Problem(string? key) =>
        key is null ? null
        : string.IsNullOrWhiteSpace(key) ? new() { [CtiEndpoints.IdempotencyHeader] = ["required"] }
        : key.Length > MaxLength ? new() { [CtiEndpoints.IdempotencyHeader] = [$"max_length:{MaxLength}"] }
        : null;

    /// <summary>Keys are scoped to the account, so one account's key never finds another's order.</summary>
    public static string Staff(ClaimsPrincipal user) => $"staff:{user.Identity!.Name}";
}
