using HomeService.EventLog;

namespace HomeService.Identity;

public sealed record UserCreated(UserAccount Account);

/// <summary>
/// A new password, made by the web host's PasswordHasher: the owner's own (MustChange false) or an administrator's
/// one-time password (MustChange true). Stamp is null in events written before sessions were stamped.
/// </summary>
public sealed record UserPasswordChanged(string PasswordHash, DateTimeOffset At, bool MustChange = false, string? Stamp = null);

public sealed record UserEdited(string DisplayName, IReadOnlyList<string> Roles, string? AgentId, string? TeamId, string Stamp);

public sealed record UserDisabled(string Reason, string Stamp);

public sealed record UserEnabled(string Reason);

/// <summary>A lockout lifted by an administrator; changes nothing stored, but belongs in the account's history.</summary>
public sealed record UserUnlocked;

public sealed class UserAccountState : IAggregateState
{
    public int Version { get; set; }
    public UserAccount? Account { get; set; }

    public void Apply(object e)
    {
        if (e is UserCreated created) { Account = created.Account; return; }
        if (Account is null) throw new ArgumentException($"User event {e.GetType().Name} before the account exists");
        Account = e switch
        {
            UserPasswordChanged changed => Account with
            {
                PasswordHash = changed.PasswordHash, MustChangePassword = changed.MustChange,
                SecurityStamp = changed.Stamp ?? Account.SecurityStamp,
            },
            UserEdited edited => Account with
            {
                DisplayName = edited.DisplayName, Roles = edited.Roles, AgentId = edited.AgentId, TeamId = edited.TeamId,
                SecurityStamp = edited.Stamp,
            },
            UserDisabled disabled => Account with { Disabled = true, SecurityStamp = disabled.Stamp },
            UserEnabled => Account with { Disabled = false },
            UserUnlocked => Account,
            _ => throw new ArgumentException($"Unknown user event {e.GetType().Name}"),
        };
    }
}
