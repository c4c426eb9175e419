using System.Collections.Concurrent;
using HomeService.Identity;
using HomeService.Web.Auth;
using Microsoft.AspNetCore.SignalR;

namespace HomeService.Web.Realtime;

/// <summary>
/// Ends live connections whose account was disabled or given a new security stamp (password changed or reset, roles
/// changed) after they connected. The cookie is checked only when a connection opens, and a WebSocket may stay open for
/// a whole shift, so this host asks the account grains (which answer from memory) every two seconds, one call per
/// signed-in person rather than per connection, and aborts what is no longer valid: pushes stop within seconds.
/// </summary>
public sealed class LiveSessions(IGrainFactory grains, ILogger<LiveSessions> logger) : BackgroundService
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan AskFor = TimeSpan.FromSeconds(3);
    private readonly ConcurrentDictionary<string, Held> _held = new();

    private sealed record Held(string Login, string Stamp, HubCallerContext Context);

    public void Opened(HubCallerContext context)
    {
        // Connections without a stamp (none today) have no account session to end.
        if (context.User?.Identity?.Name is { Length: > 0 } login && context.User.Find(HomeServiceClaims.SecurityStamp) is { } stamp)
            _held[context.ConnectionId] = new Held(login, stamp, context);
    }

    public void Closed(string connectionId) => _held.TryRemove(connectionId, out _);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(CheckEvery);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await Sweep(ct);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogDebug(e, "Could not check the live connections' accounts; trying again");
            }
        }
    }

    private Task Sweep(CancellationToken ct) =>
        Parallel.ForEachAsync(_held.Values.GroupBy(h => h.Login), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (person, _) =>
            {
                // One slow answer (a busy or moving grain) must not hold up the sweep of everyone else: it is asked again next time.
                UserAccount? account;
                try
                {
                    account = await grains.GetGrain<IUserAccountGrain>(person.Key).Get().WaitAsync(AskFor, ct);
                }
                catch (TimeoutException)
                {
                    return;
                }
                foreach (var held in person)
                {
                    if (account is not null && !account.Disabled && account.SecurityStamp == held.Stamp) continue;
                    held.Context.Abort();
                    Closed(held.Context.ConnectionId);
                }
            });
}
