namespace HomeService.Diagnostics;

/// <summary>
/// Whether this silo answers the benchmark's diagnostics grains (a blocking full collection, empty activations, ping
/// storms). Off unless <c>HomeService:Diagnostics:BenchGrains</c> turns it on, as deploy/bench.sh does: in a production
/// silo any cluster client could otherwise stall the silo or fill it with activations.
/// </summary>
public sealed record BenchDiagnostics(bool Enabled)
{
    public void Demand()
    {
        if (!Enabled) throw new InvalidOperationException("Bench diagnostics are off on this silo (HomeService:Diagnostics:BenchGrains).");
    }
}
