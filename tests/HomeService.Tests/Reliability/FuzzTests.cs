using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using HomeService.Web.Api;
using Xunit.Abstractions;

namespace HomeService.Tests.Reliability;

/// <summary>
/// Property: for every write operation of the OpenAPI document and any bad request the seeded generator makes for it
/// (<see cref="FuzzRequests"/>), the answer is a 4xx RFC 9457 problem, a 400 on a body names a field, and the event log
/// gains no row. The seed is printed on failure; HOMESERVICE_FUZZ_SEED=n replays it.
/// Duration on the 2-core machine: 158 operations × 10 cases = 1580 requests in 9–13 s alone (23–35 s with the fixture's
/// start), 66 s while BadInputTests runs beside it on its own deployment.
/// The generator is a seeded System.Random of our own rather than CsCheck or FsCheck: the cases are HTTP requests to one
/// stateful deployment checked in batches against the event log, where shrinking a single case buys nothing and the
/// seed alone replays the run.
/// </summary>
public sealed class FuzzTests(BadInputFixture probe, ITestOutputHelper output) : IClassFixture<BadInputFixture>
{
    private const int CasesPerOperation = 10;
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Operations that write on any request, good or bad, so "nothing changed" cannot be asked of them, each with why.
    /// None so far: no refusal the fuzz sends, to sign-in (POST /api/session) included, appends to the event log.
    /// </summary>
    private static readonly Dictionary<string, string> WritesOnAnyRequest = new();

    [Fact]
    public async Task Bad_requests_to_every_write_operation_are_refused_with_a_problem_and_change_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HOMESERVICE_FUZZ_SEED"), out var s) ? s : Random.Shared.Next();
        var operations = (await ApiOperation.Read(probe.Http(Caller.Anonymous)))
            .Where(o => Writes.Contains(o.Method) && !WritesOnAnyRequest.ContainsKey(o.Key))
            // Without a body or a parameter an operation has nothing bad to carry: any request to it is a good one.
            .Where(o => o.HasBody || o.Path.Contains('{'))
            .ToList();
        Assert.NotEmpty(operations);
        var failures = new ConcurrentBag<string>();
        var fieldErrors = 0;
        var sent = 0;
        var clock = Stopwatch.StartNew();

        // One operation at a time: the event log's high-water mark before and after its batch says which operation kept a change.
        foreach (var op in operations)
        {
            var spec = BadInputSpecs.ByOperation.GetValueOrDefault(op.Key);
            var caller = BadInputSpecs.CallerFor(op.Path);
            var before = await LastEvent();
            var rng = FuzzRequests.For(seed, op);
            await Parallel.ForEachAsync(FuzzRequests.Cases(op, spec, rng, CasesPerOperation, p => Id(p, spec)).ToList(),
                new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (bad, _) =>
                {
                    Interlocked.Increment(ref sent);
                    var (failure, namedField) = await Verdict(op, caller, bad);
                    if (failure is not null) failures.Add(failure);
                    if (namedField) Interlocked.Increment(ref fieldErrors);
                });
            foreach (var kept in await EventsSince(before)) failures.Add($"{op.Key}: a bad request kept a change: {kept}");
        }

        output.WriteLine($"seed {seed}: {sent} requests to {operations.Count} operations in {clock.Elapsed.TotalSeconds:F1} s, {fieldErrors} field errors");
        Assert.True(failures.IsEmpty, $"Seed {seed} (HOMESERVICE_FUZZ_SEED={seed} replays it): {failures.Count} of {sent} bad requests mishandled:\n"
            + string.Join("\n", failures.Order()));
        // Most body faults must reach the operation's own check; all refused as a missing request token would prove nothing.
        Assert.True(fieldErrors > sent / 3, $"Seed {seed}: only {fieldErrors} of {sent} answers were field errors of the operations");
    }

    /// <summary>A real id where the fixture has one, so a bad body gets past "no such thing"; otherwise one that names nothing.</summary>
    private string Id(string parameter, BodySpec? spec)
    {
        try { return probe.RealId(parameter, spec?.Order ?? RealOrder.Service); }
        catch (InvalidOperationException) { return BadInputFixture.UnknownId(parameter); }
    }

    private async Task<(string? Failure, bool NamedField)> Verdict(ApiOperation op, Caller caller, FuzzCase bad)
    {
        using var request = new HttpRequestMessage(new HttpMethod(op.Method), bad.Path) { Content = bad.Body() };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        // The session's handler adds the X-Request-Token header that cookie-signed-in writes need.
        using var response = await probe.Http(caller).SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var defect = status >= 500 ? "server error"
            : status < 400 ? "accepted"
            : bad.ByKestrel ? (status == 400 ? null : "not a 400")
            : await ProblemAnswer.Defect(response)
              ?? (body.Contains(ProblemTypes.RequestToken) ? "refused for the request token, not the input" : null)
              ?? (bad.OnBody && status == 400 ? await ProblemAnswer.NamesNoField(response) : null);
        var namedField = defect is null && status == 400 && !bad.ByKestrel && await ProblemAnswer.NamesNoField(response) is null;
        return (defect is null ? null : $"{op.Key} [{bad.Name}] {bad.Path[..Math.Min(bad.Path.Length, 120)]} → {status}: {defect} {ProblemAnswer.Snippet(body)}",
            namedField);
    }

    private async Task<long> LastEvent() => await probe.Deployment.Scalar<long>("SELECT coalesce(max(seq), 0) FROM event_log");

    private async Task<List<string>> EventsSince(long seq)
    {
        await using var conn = new Npgsql.NpgsqlConnection(probe.Deployment.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            "SELECT aggregate_type, aggregate_id, event_type, actor FROM event_log WHERE seq > $1 ORDER BY seq", conn);
        cmd.Parameters.Add(new Npgsql.NpgsqlParameter { Value = seq });
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)}/{reader.GetString(1)} {reader.GetString(2)} by {(reader.IsDBNull(3) ? "-" : reader.GetString(3))}");
        return rows;
    }
}
