using HomeService.Identity;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using Orleans.Configuration;

namespace HomeService.Silo.Operations;

/// <summary>
/// The operator's commands for a center that has nobody to sign in yet, run with the silo's own configuration:
/// <c>create-admin LOGIN</c> creates the first administrator of an empty center; <c>reset-password LOGIN</c> gives a
/// locked-out administrator a new one-time password. Both print the one-time password, which must be changed at the first
/// sign-in, and go through the account grain of the running cluster like the back office does.
/// </summary>
public static class AdminCommand
{
    public static readonly string[] Verbs = ["create-admin", "reset-password"];

    /// <param name="args">The verb, the login, then configuration as the silo takes it (--ConnectionStrings:HomeService=…).</param>
    public static async Task<int> Run(string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        output ??= Console.Out;
        error ??= Console.Error;
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            error.WriteLine($"Usage: {args[0]} LOGIN");
            return 2;
        }
        var login = args[1].Trim().ToLowerInvariant();
        var builder = Host.CreateApplicationBuilder(args[2..]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var settings = SiloSettings.From(builder.Configuration);
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (settings.ClusterId, settings.ServiceId));
            client.UseAdoNetClustering(o => (o.Invariant, o.ConnectionString) = ("Npgsql", settings.ConnectionString));
            client.UseConnectionRetryFilter((_, ct) => WaitForCluster(ct));
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await host.StartAsync(timeout.Token);
        }
        catch (Exception) when (timeout.IsCancellationRequested)
        {
            error.WriteLine("No silo of this center answered within a minute. Start the center first (deploy/run.sh, or your silo service).");
            return 1;
        }
        var grains = host.Services.GetRequiredService<IClusterClient>();
        var password = OneTimePasswords.New();
        var hash = new PasswordHasher<UserAccount>().HashPassword(null!, password);
        var outcome = args[0] == "create-admin"
            ? await CreateFirst(grains, settings, login, hash)
            : await Reset(grains, login, hash);
        await host.StopAsync();
        if (outcome is not null)
        {
            error.WriteLine(outcome);
            return 1;
        }
        output.WriteLine($"Login: {login}");
        output.WriteLine($"One-time password: {password}");
        output.WriteLine("Sign in at /login; the password must be changed at the first sign-in.");
        return 0;
    }

    private static async Task<string?> CreateFirst(IClusterClient grains, SiloSettings settings, string login, string hash)
    {
        // Only while nobody can administer the center; after that, people are created on /admin/accounts by an admin.
        await using (var db = NpgsqlDataSource.Create(settings.ConnectionString))
        await using (var cmd = db.CreateCommand("SELECT EXISTS (SELECT 1 FROM app_user WHERE 'Admin' = ANY (roles) AND NOT disabled)"))
            if ((bool)(await cmd.ExecuteScalarAsync())!)
                return "This center has an administrator already. Sign in and create accounts on /admin/accounts (or use reset-password LOGIN).";
        // The login stands in for a name until the administrator writes theirs on the account page: the product does not
        // invent a person's name, and a job title would read wrong in the other language.
        var result = await grains.GetGrain<IUserAccountGrain>(login)
            .CreateStaff(new AccountEdit(login, [Roles.Admin], null, null), hash, "system:create-admin");
        return result.Succeeded ? null : "Refused: " + string.Join("; ", result.Errors!.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
    }

    private static async Task<string?> Reset(IClusterClient grains, string login, string hash)
    {
        var grain = grains.GetGrain<IUserAccountGrain>(login);
        if (await grain.Get() is not { } account || !account.Roles.Contains(Roles.Admin)) return $"{login} is not an administrator of this center.";
        var reset = await grain.ResetPassword(hash, "system:reset-password");
        if (account.Disabled) await grain.SetDisabled(false, "re-enabled by the operator's reset-password", "system:reset-password");
        await grain.Unlock("system:reset-password");
        return reset.Succeeded ? null : "Refused.";
    }

    private static async Task<bool> WaitForCluster(CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        return !ct.IsCancellationRequested;
    }
}
