using Orleans.Concurrency;

namespace HomeService.Diagnostics;

/// <summary>One per silo (stateless worker), so the caller measures the silo the call lands on.</summary>
[StatelessWorker(1)]
public sealed class SiloMemoryGrain(ILocalSiloDetails silo, BenchDiagnostics diagnostics) : Grain, ISiloMemoryGrain
{
    public Task<SiloMemory> Measure()
    {
        diagnostics.Demand();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return Task.FromResult(new SiloMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, silo.SiloAddress.ToString()));
    }
}

/// <summary>The footprint baseline: an activation holding 500 bytes and nothing else.</summary>
public sealed class BareGrain(BenchDiagnostics diagnostics) : Grain, IBareGrain
{
    private readonly byte[] _state = new byte[500];

    public override Task OnActivateAsync(CancellationToken ct)
    {
        diagnostics.Demand();
        return Task.CompletedTask;
    }

    public Task<int> Touch() => Task.FromResult(_state.Length);
}

/// <summary>Pings grains spread over the key space, so calls go wherever those activations live, as real grain calls do.</summary>
public sealed class PingGrain(BenchDiagnostics diagnostics) : Grain, IPingGrain
{
    public override Task OnActivateAsync(CancellationToken ct)
    {
        diagnostics.Demand();
        return Task.CompletedTask;
    }

    public async Task<double> PingMany(int count, int concurrency)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var next = -1;
        var me = this.GetPrimaryKeyLong();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
                await GrainFactory.GetGrain<IPingGrain>(1_000_000 + (me * 7919 + i) % 1000).Ping(i);
        }));
        return watch.Elapsed.TotalSeconds;
    }

    public Task<long> Ping(long stamp) => Task.FromResult(stamp);
}
