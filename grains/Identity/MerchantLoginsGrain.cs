using HomeService.Workers;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HomeService.Identity;

/// <summary>
/// One merchant's logins. Holds no state of its own: the accounts are user account grains (events, app_user rows and audit
/// lines there), the merchant's contact comes from its read row, and a worker's login is found in app_user. Being one
/// activation per merchant is what keeps two requests from giving one worker two logins.
/// </summary>
public sealed class MerchantLoginsGrain(NpgsqlDataSource db, ILogger<MerchantLoginsGrain> logger) : Grain, IMerchantLoginsGrain
{
    private string MerchantId => this.GetPrimaryKeyString();

    public async Task<CommandResult<UserAccount>> OpenAdmin(string actor)
    {
        if (await Contact() is not { } merchant) return Invalid("merchantId", "unknown");
        if (!MerchantLoginRules.Admitted(merchant.Status)) return Invalid("status", "not-admitted");
        var invite = new MerchantAdminInvite(MerchantId, MerchantLoginRules.AdminDisplayName(merchant.ContactName, merchant.Name), merchant.Phone, merchant.Name);
        foreach (var login in MerchantLoginRules.AdminLogins(MerchantId))
        {
            var result = await Account(login).InviteMerchantAdmin(invite, actor);
            if (result.Succeeded || !Has(result, "login", "exists")) return result;
        }
        logger.LogWarning("Merchant {MerchantId} got no administrator login: every candidate name is taken", MerchantId);
        return Invalid("login", "exists");
    }

    public async Task<CommandResult<UserAccount>> CreateStaff(MerchantStaffLogin request, string oneTimePasswordHash, string actor)
    {
        request = request with { Login = request.Login.Trim().ToLowerInvariant(), WorkerId = string.IsNullOrWhiteSpace(request.WorkerId) ? null : request.WorkerId.Trim() };
        var errors = MerchantLoginRules.Validate(request, MerchantId);
        string? workerId = null;
        var displayName = request.DisplayName.Trim();
        if (request.Role == Roles.Worker && !errors.ContainsKey("workerId"))
        {
            var profile = await GrainFactory.GetGrain<IWorkerGrain>(request.WorkerId!).GetProfile(MerchantId);
            if (profile is null) errors["workerId"] = ["unknown"];
            else if (!profile.Worker.Active) errors["workerId"] = ["worker-inactive"];
            else if (await LoginOfWorker(profile.Worker.WorkerId) is not null) errors["workerId"] = ["has-login"];
            else (workerId, displayName) = (profile.Worker.WorkerId, displayName.Length == 0 ? profile.Worker.Name : displayName);
        }
        if (errors.Count > 0) return CommandResult<UserAccount>.Invalid(errors);
        var account = new UserAccount(Guid.NewGuid(), request.Login, displayName, [request.Role], oneTimePasswordHash, null, MerchantId, workerId, null, false,
            MustChangePassword: true);
        var grain = Account(request.Login);
        if (!await grain.Create(account, actor)) return Invalid("login", "exists");
        return CommandResult<UserAccount>.Ok((await grain.Get())!);
    }

    public async Task<CommandResult<UserAccount>> SetDisabled(string login, bool disabled, string reason, string actor) =>
        await Own(login) is { } grain ? await grain.SetDisabled(disabled, reason, actor) : Invalid("login", "unknown");

    public async Task<CommandResult<UserAccount>> ResetPassword(string login, string oneTimePasswordHash, string actor) =>
        await Own(login) is { } grain ? await grain.ResetPassword(oneTimePasswordHash, actor) : Invalid("login", "unknown");

    public async Task WorkerDeactivated(string workerId, string actor)
    {
        if (await LoginOfWorker(workerId) is { } login && await Own(login) is { } grain)
            await grain.SetDisabled(true, "worker deactivated", actor);
    }

    /// <summary>The account grain of one of this merchant's staff logins; null for anyone else's and for the administrator's own.</summary>
    private async Task<IUserAccountGrain?> Own(string login)
    {
        if (login.Length is 0 or > 64) return null;
        var grain = Account(login);
        return await grain.Get() is { } account && account.MerchantId == MerchantId && account.Roles.Count > 0 && account.Roles.All(MerchantLoginRules.StaffRoles.Contains)
            ? grain
            : null;
    }

    private IUserAccountGrain Account(string login) => GrainFactory.GetGrain<IUserAccountGrain>(login);

    private sealed record MerchantContact(string Name, string? ContactName, string Phone, string Status);

    private async Task<MerchantContact?> Contact()
    {
        await using var cmd = db.CreateCommand("SELECT name, contact_name, phone, status FROM merchant WHERE id = $1");
        cmd.Parameters.Add(new() { Value = MerchantId });
        await using var r = await cmd.ExecuteReaderAsync();
        return await r.ReadAsync() ? new MerchantContact(r.GetString(0), r.IsDBNull(1) ? null : r.GetString(1), r.GetString(2), r.GetString(3)) : null;
    }

    private async Task<string?> LoginOfWorker(string workerId)
    {
        await using var cmd = db.CreateCommand("SELECT login FROM app_user WHERE worker_id = $1 AND merchant_id = $2");
        cmd.Parameters.Add(new() { Value = workerId });
        cmd.Parameters.Add(new() { Value = MerchantId });
        return await cmd.ExecuteScalarAsync() as string;
    }

    private static bool Has(CommandResult<UserAccount> result, string field, string code) =>
        result.Errors is { } e && e.TryGetValue(field, out var codes) && codes.Contains(code);

    private static CommandResult<UserAccount> Invalid(string field, string code) =>
        CommandResult<UserAccount>.Invalid(new Dictionary<string, string[]> { [field] = [code] });
}
