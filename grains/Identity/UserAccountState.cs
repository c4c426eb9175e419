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

/// <summary>A new set-password link (a merchant administrator's first, or a fresh one); it replaces any earlier link.</summary>
public sealed record UserSetupLinkIssued(string SecretHash, DateTimeOffset ExpiresAt);

/// <summary>The owner set their password through the link, which is now used up.</summary>
public sealed record UserSetupLinkUsed(string PasswordHash, DateTimeOffset At, string Stamp);

public sealed class UserAccountState : IAggregateState
{
    public int Version { get; set; }
    public UserAccount? Account { get; set; }
    /// <summary>The latest set-password link, if one was ever issued; a password set any other way voids an unused one.</summary>
    public SetupLink? Link { get; set; }

    public void Apply(object e)
    {
        if (e is UserCreated created) { Account = created.Account; return; }
        if (Account is null) throw new ArgumentException($"User event {e.GetType().Name} before the account exists");
        switch (e)
        {
            case UserSetupLinkIssued issued:
                Link = new SetupLink(issued.SecretHash, issued.ExpiresAt);
                return;
            case UserSetupLinkUsed used:
                Link = Link! with { UsedAt = used.At };
                Account = Account with { PasswordHash = used.PasswordHash, MustChangePassword = false, SecurityStamp = used.Stamp };
                return;
            case UserPasswordChanged when Link is { UsedAt: null }:
                Link = null;
                break;
        }
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
