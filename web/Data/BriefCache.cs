namespace HomeService.Web.Data;

/// <summary>
/// One value read at most once per <paramref name="lifetime"/>, for lists that change rarely but are asked for on every
/// focus of a field. Callers that come while a read is running share it; a failed read is not kept.
/// </summary>
public sealed class BriefCache<T>(Func<Task<T>> read, TimeSpan lifetime, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private Task<T>? _value;
    private DateTimeOffset _readAt;

    public Task<T> Get()
    {
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_value is { IsFaulted: false, IsCanceled: false } && now - _readAt < lifetime) return _value;
            _readAt = now;
            return _value = read();
        }
    }
}
