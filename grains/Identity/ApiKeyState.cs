using HomeService.EventLog;

namespace HomeService.Identity;

public sealed record ApiKeyIssued(ApiKey Key);

public sealed class ApiKeyState : IAggregateState
{
    public int Version { get; set; }
    public ApiKey? Key { get; set; }

    public void Apply(object e)
    {
        if (e is ApiKeyIssued issued) Key = issued.Key;
        else throw new ArgumentException($"Unknown API key event {e.GetType().Name}");
    }
}
