using HomeService.EventLog;

namespace HomeService.Identity;

public sealed record UserCreated(UserAccount Account);

/// <summary>The password was reset; like the account's first hash, made by the web host's PasswordHasher.</summary>
public sealed record UserPasswordChanged(string PasswordHash, DateTimeOffset At);

public sealed class UserAccountState : IAggregateState
{
    public int Version { get; set; }
    public UserAccount? Account { get; set; }

    public void Apply(object e)
    {
        if (e is UserCreated created) Account = created.Account;
        else if (e is UserPasswordChanged changed && Account is not null) Account = Account with { PasswordHash = changed.PasswordHash };
        else throw new ArgumentException($"Unknown user event {e.GetType().Name}");
    }
}
