using HomeService.EventLog;

namespace HomeService.Identity;

public sealed class ApiKeyGrain(
    [PersistentState("apikey", "Default")] IPersistentState<ApiKeyState> state,
    IEventLog log,
    TimeProvider clock) : Grain, IApiKeyGrain
{
    private static readonly EventCodec Codec = new("api_key", ("ApiKeyIssued", typeof(ApiKeyIssued)));
    private Journal<ApiKeyState> _journal = null!;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<ApiKeyState>(state, log, Codec, this.GetPrimaryKeyString(), this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public async Task<bool> Issue(ApiKey key, string actor)
    {
        if (_journal.State.Key is not null) return false;
        var stored = key with { KeyId = this.GetPrimaryKeyString() };
        await _journal.Record(new ApiKeyIssued(stored), actor, clock.GetUtcNow(), new ReadModelWrite(
            "INSERT INTO api_key (key_id, name, kind, merchant_id) VALUES ($1, $2, $3, $4)",
            stored.KeyId, stored.Name, stored.Kind, stored.MerchantId));
        return true;
    }

    public Task<ApiKey?> Get() => Task.FromResult(_journal.State.Key);
}
