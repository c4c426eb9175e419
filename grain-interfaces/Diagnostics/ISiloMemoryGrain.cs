namespace HomeService.Diagnostics;

/// <summary>The memory of the silo it runs on, after a full collection. Cluster clients only (the bench); no HTTP route.</summary>
[Alias("HomeService.Diagnostics.ISiloMemoryGrain")]
public interface ISiloMemoryGrain : IGrainWithIntegerKey
{
    [Alias("Measure")] Task<SiloMemory> Measure();
}

[GenerateSerializer, Immutable, Alias("HomeService.Diagnostics.SiloMemory")]
public sealed record SiloMemory([property: Id(0)] long ManagedBytes, [property: Id(1)] long ResidentBytes, [property: Id(2)] string Silo);

/// <summary>A grain with nothing but 500 bytes of state: the footprint benchmark's baseline for one activation.</summary>
[Alias("HomeService.Diagnostics.IBareGrain")]
public interface IBareGrain : IGrainWithIntegerKey
{
    [Alias("Touch")] Task<int> Touch();
}

/// <summary>Grain-to-grain calls with no work in them: the ACD benchmark's baseline for what the cluster can carry.</summary>
[Alias("HomeService.Diagnostics.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Pings other grains <paramref name="count"/> times, <paramref name="concurrency"/> at a time; returns the seconds it took.</summary>
    [Alias("PingMany")] Task<double> PingMany(int count, int concurrency);

    [Alias("Ping")] Task<long> Ping(long stamp);
}
