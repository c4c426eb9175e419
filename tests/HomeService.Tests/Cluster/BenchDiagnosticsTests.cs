using HomeService.Diagnostics;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Cluster;

/// <summary>
/// The benchmark's diagnostics grains (a blocking full collection, empty activations, ping storms) answer nothing on a
/// silo that was not started for the bench: a cluster client cannot stall a production silo or fill it with activations.
/// </summary>
[Collection(SharedDeploymentCollection.Name)]
public sealed class BenchDiagnosticsTests(SharedDeployment shared)
{
    [Fact]
    public async Task A_silo_without_the_bench_setting_refuses_the_full_collection_the_empty_activations_and_the_pings()
    {
        var grains = shared.WebA.App.Services.GetRequiredService<IClusterClient>();
        foreach (var call in new Func<Task>[]
                 {
                     () => grains.GetGrain<ISiloMemoryGrain>(0).Measure(),
                     () => grains.GetGrain<IBareGrain>(42).Touch(),
                     () => grains.GetGrain<IPingGrain>(7).Ping(1),
                 })
        {
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(call);
            Assert.Contains("HomeService:Diagnostics:BenchGrains", refused.Message);
        }
    }
}
