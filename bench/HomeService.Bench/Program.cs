using HomeService.Bench.Harness;
using HomeService.Bench.Scenarios;

// deploy/bench.sh SCENARIO [--quick] [--repeats N]: starts what the scenario needs, prints a table and BENCH lines.
var scenario = args.FirstOrDefault(a => !a.StartsWith("--")) ?? "all";
var quick = args.Contains("--quick");
var repeats = args.SkipWhile(a => a != "--repeats").Skip(1).Select(int.Parse).FirstOrDefault(3);
var context = new BenchContext(
    Environment.GetEnvironmentVariable("HS_REPO") ?? Directory.GetCurrentDirectory(),
    Environment.GetEnvironmentVariable("HS_BENCH_LOGS") ?? Path.GetTempPath(),
    Environment.GetEnvironmentVariable("ConnectionStrings__HomeService") ?? throw new InvalidOperationException("Run through deploy/bench.sh."),
    quick, repeats);

var scenarios = new Dictionary<string, Func<BenchContext, Task<IReadOnlyList<Figure>>>>
{
    ["screenpop"] = c => new ScreenPopScenario(c).Run(),
    ["acd"] = c => new AcdScenario(c).Run(),
    ["orders"] = c => new OrdersScenario(c).Run(),
    ["footprint"] = c => new FootprintScenario(c).Run(),
    ["failover"] = c => new FailoverScenario(c).Run(),
    ["site"] = c => new SiteScenario(c).Run(),
    ["sms"] = c => new SmsScenario(c).Run(),
};
var chosen = scenario == "all" ? scenarios.Keys.ToList() : [scenario];
if (chosen.Any(s => !scenarios.ContainsKey(s)))
{
    Console.Error.WriteLine($"Unknown scenario '{scenario}'. Known: all, {string.Join(", ", scenarios.Keys)}.");
    return 2;
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20)} MB; {(quick ? "quick" : "full")} size, {repeats} runs each.");
var results = new List<(string Scenario, IReadOnlyList<Figure> Figures)>();
foreach (var name in chosen)
{
    Console.WriteLine($"-- {name} --");
    results.Add((name, await scenarios[name](await context.WithFreshDatabase(name))));
}
foreach (var (name, figures) in results) Report.Print(name, figures);
return 0;
