using HomeService.Audit;
using HomeService.EventLog;
using HomeService.Notifications;

namespace HomeService.Identity;

/// <summary>
/// One login. Every change is an event with its app_user row and its audit line in one transaction; the wrong-password
/// count lives here in memory, so all web hosts share one lockout per account.
/// </summary>
public sealed class UserAccountGrain(
    [PersistentState("user", "Default")] IPersistentState<UserAccountState> state,
    IEventLog log,
    AccountSetupPolicy setup,
    TimeProvider clock) : Grain, IUserAccountGrain
{
    public static readonly EventCodec Codec = new("user", ("UserCreated", typeof(UserCreated)),
        ("UserPasswordChanged", typeof(UserPasswordChanged)), ("UserEdited", typeof(UserEdited)),
        ("UserDisabled", typeof(UserDisabled)), ("UserEnabled", typeof(UserEnabled)), ("UserUnlocked", typeof(UserUnlocked)),
        ("UserSetupLinkIssued", typeof(UserSetupLinkIssued)), ("UserSetupLinkUsed", typeof(UserSetupLinkUsed)));
    private readonly SignInLockout _lockout = new();
    private Journal<UserAccountState> _journal = null!;

    private UserAccount? Account => _journal.State.Account;
    private string Login => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken ct)
    {
        _journal = new Journal<UserAccountState>(state, log, Codec, Login, this);
        return _journal.CatchUp(ct);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken ct) => _journal.Flush(ct);

    public async Task<bool> Create(UserAccount account, string actor)
    {
        if (Account is not null) return false;
        var stored = account with { Login = Login, SecurityStamp = NewStamp() };
        var now = clock.GetUtcNow();
        await _journal.Record(new UserCreated(stored), actor, now, Inserted(stored), AuditTrail.Row(actor, "account.create", "account", Login, null, Audited(stored), now));
        return true;
    }

    private static ReadModelWrite Inserted(UserAccount a) => new("""
        INSERT INTO app_user (id, login, display_name, roles, agent_id, merchant_id, worker_id, member_id, disabled, team_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """, a.UserId, a.Login, a.DisplayName, a.Roles.ToArray(), a.AgentId, a.MerchantId, a.WorkerId, a.MemberId, a.Disabled, a.TeamId);

    public async Task<CommandResult<UserAccount>> InviteMerchantAdmin(MerchantAdminInvite invite, string actor)
    {
        if (Account is { } current && (current.MerchantId != invite.MerchantId || !current.Roles.Contains(Roles.MerchantAdmin)))
            return Invalid("login", "exists");
        if (Account is { Disabled: true }) return Invalid("login", "disabled");
        var now = clock.GetUtcNow();
        var (secret, hash) = SetupLink.NewSecret();
        var expires = now + setup.LinkLifetime;
        // No usable password until the link sets one: an empty hash never verifies.
        var created = Account is null
            ? new UserAccount(Guid.NewGuid(), Login, invite.DisplayName, [Roles.MerchantAdmin], "", null, invite.MerchantId, null, null, false,
                SecurityStamp: NewStamp())
            : null;
        IReadOnlyList<object> events = created is null ? [new UserSetupLinkIssued(hash, expires)] : [new UserCreated(created), new UserSetupLinkIssued(hash, expires)];
        var creation = created is null ? [] : new[] { Inserted(created), AuditTrail.Row(actor, "account.create", "account", Login, null, Audited(created), now) };
        await _journal.Record(events, actor, now, s =>
        [
            .. creation,
            AuditTrail.Row(actor, "account.setup-link", "account", Login, null, new { login = Login, phone = PersonalData.MaskPhone(invite.Phone), expiresAt = expires }, now),
            // The one place the secret is written: the SMS to the company's contact phone. Never a password.
            NotificationOutbox.Enqueue("sms", "phone", invite.Phone, "account.setup-link",
                new { login = Login, company = invite.CompanyName, link = SetupLinkToken.Path(Login, secret), expiresAt = expires },
                $"account:{Login}:setup:{s.Version}"),
        ]);
        return CommandResult<UserAccount>.Ok(Account!);
    }

    public Task<SetupLinkOutcome> CheckSetupLink(string secret) => Task.FromResult(CheckLink(secret, clock.GetUtcNow()));

    private SetupLinkOutcome CheckLink(string secret, DateTimeOffset now) =>
        Account is not { Disabled: false } || _journal.State.Link is not { } link ? SetupLinkOutcome.Invalid : link.Check(secret, now);

    public async Task<SetupLinkOutcome> UseSetupLink(string secret, string passwordHash)
    {
        var now = clock.GetUtcNow();
        var outcome = CheckLink(secret, now);
        if (outcome != SetupLinkOutcome.Good) return outcome;
        await Change(new UserSetupLinkUsed(passwordHash, now, NewStamp()), $"self:{Login}", "account.password-set");
        _lockout.Clear();
        return SetupLinkOutcome.Good;
    }

    public async Task<CommandResult<UserAccount>> CreateStaff(AccountEdit edit, string oneTimePasswordHash, string actor)
    {
        var errors = StaffAccountRules.Validate(edit);
        if (StaffAccountRules.LoginProblem(Login) is { } loginProblem) errors["login"] = [loginProblem];
        else if (Account is not null) errors["login"] = ["exists"];
        if (!errors.ContainsKey("agentId") && edit.Roles.Contains(Roles.Agent) && await UnknownSeat(edit.AgentId!)) errors["agentId"] = ["unknown"];
        if (!errors.ContainsKey("teamId") && await TeamProblem(edit.TeamId, null) is { } team) errors["teamId"] = [team];
        if (errors.Count > 0) return CommandResult<UserAccount>.Invalid(errors);
        var roles = edit.Roles.ToList();
        var account = new UserAccount(Guid.NewGuid(), Login, edit.DisplayName.Trim(), roles, oneTimePasswordHash,
            roles.Contains(Roles.Agent) ? edit.AgentId!.Trim() : null, null, null, null, false, MustChangePassword: true,
            TeamId: string.IsNullOrWhiteSpace(edit.TeamId) ? null : edit.TeamId.Trim());
        await Create(account, actor);
        return CommandResult<UserAccount>.Ok(Account!);
    }

    private async Task<bool> UnknownSeat(string agentId) =>
        agentId.Length > 64 || await GrainFactory.GetGrain<CallCenter.ICallCenterDirectoryGrain>(0).GetAgent(agentId.Trim()) is null;

    /// <summary>A team must exist and be active to be newly named; the one an account already has it keeps.</summary>
    private async Task<string?> TeamProblem(string? teamId, string? currentTeamId)
    {
        var id = string.IsNullOrWhiteSpace(teamId) ? null : teamId.Trim();
        if (id is null || id == currentTeamId) return null;
        var team = await GrainFactory.GetGrain<CallCenter.ICallCenterDirectoryGrain>(0).GetTeam(id);
        return CallCenter.Agents.TeamRules.MembershipProblem(id, currentTeamId, team);
    }

    public Task<UserAccount?> Get() => Task.FromResult(Account);

    public async Task<bool> SetPassword(string passwordHash, string actor)
    {
        if (Account is null) return false;
        await Change(new UserPasswordChanged(passwordHash, clock.GetUtcNow(), false, NewStamp()), actor, "account.password-change");
        return true;
    }

    public async Task<CommandResult<UserAccount>> ResetPassword(string oneTimePasswordHash, string actor)
    {
        if (Account is null) return Missing();
        await Change(new UserPasswordChanged(oneTimePasswordHash, clock.GetUtcNow(), true, NewStamp()), actor, "account.password-reset");
        _lockout.Clear();
        return CommandResult<UserAccount>.Ok(Account!);
    }

    public async Task<CommandResult<UserAccount>> Edit(AccountEdit edit, string actor)
    {
        if (Account is not { } current) return Missing();
        if (!StaffAccountRules.IsStaff(current.Roles)) return Invalid("roles", "not-staff");
        var errors = StaffAccountRules.Validate(edit);
        if (!errors.ContainsKey("agentId") && edit.Roles.Contains(Roles.Agent) && edit.AgentId!.Trim() != current.AgentId && await UnknownSeat(edit.AgentId))
            errors["agentId"] = ["unknown"];
        if (!errors.ContainsKey("teamId") && await TeamProblem(edit.TeamId, current.TeamId) is { } team) errors["teamId"] = [team];
        if (errors.Count > 0) return CommandResult<UserAccount>.Invalid(errors);
        var roles = edit.Roles.ToList();
        var agentId = roles.Contains(Roles.Agent) ? edit.AgentId!.Trim() : null;
        var teamId = string.IsNullOrWhiteSpace(edit.TeamId) ? null : edit.TeamId.Trim();
        // A change of roles or seat changes what the cookie says, so those sessions end; a new name alone does not.
        var rightsChanged = !roles.Order().SequenceEqual(current.Roles.Order()) || agentId != current.AgentId;
        await Change(new UserEdited(edit.DisplayName.Trim(), roles, agentId, teamId, rightsChanged ? NewStamp() : current.SecurityStamp),
            actor, "account.edit");
        return CommandResult<UserAccount>.Ok(Account!);
    }

    public async Task<CommandResult<UserAccount>> SetDisabled(bool disabled, string reason, string actor)
    {
        if (Account is not { } current) return Missing();
        if (StaffAccountRules.ReasonProblem(reason) is { } problem) return Invalid("reason", problem);
        if (current.Disabled == disabled) return CommandResult<UserAccount>.Ok(current);
        await Change(disabled ? new UserDisabled(reason.Trim(), NewStamp()) : new UserEnabled(reason.Trim()), actor,
            disabled ? "account.disable" : "account.enable", reason.Trim());
        return CommandResult<UserAccount>.Ok(Account!);
    }

    public async Task<CommandResult<UserAccount>> Unlock(string actor)
    {
        if (Account is null) return Missing();
        var gate = _lockout.Gate(clock.GetUtcNow());
        _lockout.Clear();
        await Change(new UserUnlocked(), actor, "account.unlock", before: new { lockedUntil = gate.LockedUntil }, after: new { lockedUntil = (DateTimeOffset?)null });
        return CommandResult<UserAccount>.Ok(Account!);
    }

    public Task<SignInGate> Gate() => Task.FromResult(_lockout.Gate(clock.GetUtcNow()));

    public Task<SignInGate> SignInFailed(int limit, TimeSpan lockFor) => Task.FromResult(_lockout.Failed(clock.GetUtcNow(), limit, lockFor));

    public Task SignInSucceeded()
    {
        _lockout.Clear();
        return Task.CompletedTask;
    }

    /// <summary>Appends the event with the account's row as it now stands and an audit line of before and after.</summary>
    private Task Change(object e, string actor, string action, string? reason = null, object? before = null, object? after = null)
    {
        var was = Audited(Account!);
        var now = clock.GetUtcNow();
        return _journal.Record(e, actor, now, s =>
        [
            new ReadModelWrite("""
                UPDATE app_user SET display_name = $2, roles = $3, agent_id = $4, team_id = $5, disabled = $6, updated_at = $7 WHERE login = $1
                """, Login, s.Account!.DisplayName, s.Account.Roles.ToArray(), s.Account.AgentId, s.Account.TeamId, s.Account.Disabled, now),
            AuditTrail.Row(actor, action, "account", Login, before ?? was, after ?? (reason is null ? Audited(s.Account) : Audited(s.Account) with { Reason = reason }), now),
        ]);
    }

    /// <summary>The account as the audit log shows it: never the password hash or the stamp.</summary>
    private static AuditedAccount Audited(UserAccount a) =>
        new(a.Login, a.DisplayName, a.Roles, a.AgentId, a.MerchantId, a.WorkerId, a.MemberId, a.TeamId, a.Disabled, a.MustChangePassword);

    private sealed record AuditedAccount(string Login, string DisplayName, IReadOnlyList<string> Roles, string? AgentId, string? MerchantId,
        string? WorkerId, string? MemberId, string? TeamId, bool Disabled, bool MustChangePassword, string? Reason = null);

    private static string NewStamp() => Guid.NewGuid().ToString("N");

    private static CommandResult<UserAccount> Missing() => Invalid("login", "unknown");

    private static CommandResult<UserAccount> Invalid(string field, string code) =>
        CommandResult<UserAccount>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
