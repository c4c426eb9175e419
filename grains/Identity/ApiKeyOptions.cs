namespace HomeService.Identity;

/// <summary>
/// "HomeService:ApiKeys:LastUsedWriteEvery": how often a key grain writes its last use to the api_key table. The use itself
/// is kept in memory on every request; a database write per request would cost more than the request.
/// </summary>
public sealed record ApiKeyOptions
{
    public TimeSpan LastUsedWriteEvery { get; init; } = TimeSpan.FromMinutes(1);
}
