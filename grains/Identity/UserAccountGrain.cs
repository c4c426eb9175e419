using HomeService.EventLog;

namespace HomeService.Identity;

public sealed class UserAccountGrain(
    [PersistentState("user", "Default")] IPersistentState<UserAccountState> state,
    IEventLog log,
    TimeProvider clock) : Grain, IUserAccountGrain
{
    public static readonly EventCodec Codec = new("user", ("UserCreated", typeof(UserCreated)),
        ("UserPasswordChanged", typeof(UserPasswordChanged)));
    private Journal<UserAccountState> _journal = null!;

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<UserAccountState>(state, log, Codec, this.GetPrimaryKeyString(), this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public async Task<bool> Create(UserAccount account, string actor)
    {
        if (_journal.State.Account is not null) return false;
        var login = this.GetPrimaryKeyString();
        var stored = account with { Login = login };
        await _journal.Record(new UserCreated(stored), actor, clock.GetUtcNow(), new ReadModelWrite("""
            INSERT INTO app_user (id, login, display_name, roles, agent_id, merchant_id, worker_id, member_id, disabled)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, stored.UserId, login, stored.DisplayName, stored.Roles.ToArray(), stored.AgentId, stored.MerchantId,
            stored.WorkerId, stored.MemberId, stored.Disabled));
        return true;
    }

    public Task<UserAccount?> Get() => Task.FromResult(_journal.State.Account);

    public async Task<bool> SetPassword(string passwordHash, string actor)
    {
        if (_journal.State.Account is null) return false;
        await _journal.Record(new UserPasswordChanged(passwordHash, clock.GetUtcNow()), actor, clock.GetUtcNow());
        return true;
    }
}
