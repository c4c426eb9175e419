using HomeService.EventLog;

namespace HomeService.Identity;

public sealed record UserCreated(UserAccount Account);

public sealed class UserAccountState : IAggregateState
{
    public int Version { get; set; }
    public UserAccount? Account { get; set; }

    public void Apply(object e)
    {
        if (e is UserCreated created) Account = created.Account;
        else throw new ArgumentException($"Unknown user event {e.GetType().Name}");
    }
}
