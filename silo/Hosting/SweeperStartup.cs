using HomeService.WorkOrders;

namespace HomeService.Silo.Hosting;

/// <summary>Makes sure the dispatch sweeper's and the credit projector's, the daily credit review's and the inbox relay's reminders exist once the silo is up (idempotent: every silo asks).</summary>
public sealed class SweeperStartup(IGrainFactory grains, ILogger<SweeperStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        try
        {
            await grains.GetGrain<IDispatchSweeperGrain>(0).Start();
            await grains.GetGrain<HomeService.Credit.ICreditProjectorGrain>(0).Start();
            await grains.GetGrain<HomeService.Credit.ICreditReviewGrain>(0).Start();
            await grains.GetGrain<HomeService.Notifications.IInboxRelayGrain>(0).Start();
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not start the background grains; the next silo start will");
        }
    }
}
