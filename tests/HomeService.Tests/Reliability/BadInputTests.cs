using System.Text.Json;
using HomeService.CallCenter;

namespace HomeService.Tests.Reliability;

/// <summary>
/// Every POST, PUT and PATCH of the OpenAPI document, sent the kinds of bad input of the reliability issue as a caller
/// that may use it. Each answer must be a 4xx problem without server details; one run lists every failure at once.
/// </summary>
public sealed partial class BadInputTests(BadInputFixture probe) : IClassFixture<BadInputFixture>
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH"];

    [Fact]
    public async Task Every_endpoint_that_takes_a_body_has_a_hand_written_spec()
    {
        var operations = await ApiOperation.Read(probe.Http(Caller.Anonymous));
        var withBody = operations.Where(o => Writes.Contains(o.Method) && o.HasBody).Select(o => o.Key).ToHashSet();
        Assert.Empty(withBody.Except(BadInputSpecs.ByOperation.Keys));
        Assert.Empty(BadInputSpecs.ByOperation.Keys.Except(withBody));
    }

    [Fact]
    public async Task Bad_input_to_every_write_endpoint_gets_a_4xx_problem_and_never_a_5xx()
    {
        var operations = (await ApiOperation.Read(probe.Http(Caller.Anonymous))).Where(o => Writes.Contains(o.Method)).ToList();
        Assert.NotEmpty(operations);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var sent = 0;
        // One resource's operations run in order, as before; different resources are probed side by side, a few at a time.
        var byResource = operations.GroupBy(o => SharedResource(o.Path));
        await Parallel.ForEachAsync(byResource, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (resource, _) =>
        {
            foreach (var op in resource)
            {
                var spec = BadInputSpecs.ByOperation.GetValueOrDefault(op.Key);
                foreach (var bad in CasesOf(op, spec))
                {
                    Interlocked.Increment(ref sent);
                    if (await Verdict(op, bad) is { } failure) failures.Add(failure);
                }
            }
        });
        Assert.True(failures.IsEmpty, $"{failures.Count} of {sent} bad requests were mishandled:\n{string.Join("\n", failures.Order())}");
    }

    /// <summary>A refused request leaves no trace: what a user reads back afterwards is what they read before.</summary>
    [Theory]
    [InlineData("POST /api/orders")]
    [InlineData("POST /api/partner/orders")]
    [InlineData("POST /api/complaints")]
    [InlineData("POST /api/broadcasts")]
    [InlineData("PUT /api/queues/{queueId}")]
    [InlineData("PUT /api/admin/catalogue/{code}/terms")]
    [InlineData("POST /api/admin/catalogue")]
    [InlineData("PUT /api/admin/catalogue/{code}")]
    [InlineData("POST /api/admin/places/districts")]
    [InlineData("POST /api/admin/places/districts/{district}/streets")]
    [InlineData("POST /api/merchant/workers/{workerId}/status")]
    [InlineData("POST /api/merchant-applications")]
    [InlineData("POST /api/admin/merchants/{merchantId}/list")]
    [InlineData("POST /api/admin/articles")]
    [InlineData("PUT /api/admin/articles/{articleId}")]
    [InlineData("POST /api/admin/accounts")]
    [InlineData("PUT /api/admin/accounts/{login}")]
    [InlineData("POST /api/admin/accounts/{login}/disable")]
    [InlineData("POST /api/merchant/logins")]
    [InlineData("POST /api/admin/keys")]
    [InlineData("POST /api/admin/keys/{keyId}/rotate")]
    [InlineData("POST /api/admin/keys/{keyId}/revoke")]
    [InlineData("PUT /api/admin/hotlines/{dialled}")]
    [InlineData("PUT /api/admin/calendar/{year}")]
    [InlineData("POST /api/admin/blacklist")]
    [InlineData("POST /api/admin/call-center/teams")]
    [InlineData("PUT /api/admin/call-center/teams/{teamId}")]
    [InlineData("POST /api/admin/call-center/departments")]
    [InlineData("PUT /api/admin/call-center/departments/{department}")]
    public async Task Refused_bad_input_changes_nothing_that_can_be_read_back(string operation)
    {
        var op = (await ApiOperation.Read(probe.Http(Caller.Anonymous))).Single(o => o.Key == operation);
        var before = await ReadBack(operation);
        var failures = new List<string>();
        foreach (var bad in CasesOf(op, BadInputSpecs.ByOperation[operation]).Where(c => c.MustReject))
            if (await Verdict(op, bad) is { } failure) failures.Add(failure);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await ReadBack(operation));
    }

    /// <summary>Operations that may touch the same real order, call or worker share a group, so they never race.</summary>
    private static string SharedResource(string path) =>
        new[] { "order", "job", "call", "worker", "merchant", "account", "login", "member", "key" }.FirstOrDefault(path.Contains)
        ?? string.Join('/', path.Split('/').Take(4));

    private IEnumerable<BadCase> CasesOf(ApiOperation op, BodySpec? spec) =>
        BadInputCases.For(op, spec, p => probe.RealId(p, spec?.Order ?? RealOrder.Service), BadInputFixture.UnknownId);

    private async Task<string?> Verdict(ApiOperation op, BadCase bad)
    {
        var response = await probe.Send(BadInputSpecs.CallerFor(op.Path), new HttpMethod(op.Method), bad.Path, bad.Json);
        var status = (int)response.StatusCode;
        string? defect = status >= 500 ? "server error"
            : bad.MustReject && status < 400 ? "accepted"
            : status >= 400 ? await ProblemAnswer.Defect(response) ?? (bad.NamesField && status == 400 ? await ProblemAnswer.NamesNoField(response) : null)
            : null;
        return defect is null ? null
            : $"{op.Key} [{bad.Name}] → {status}: {defect} {ProblemAnswer.Snippet(await response.Content.ReadAsStringAsync())}";
    }

    private async Task<string> ReadBack(string operation) => operation switch
    {
        "POST /api/orders" => await probe.Http(Caller.Agent).GetStringAsync("/api/orders?pageSize=200"),
        "POST /api/partner/orders" => await probe.Http(Caller.PartnerKey).GetStringAsync("/api/partner/orders?pageSize=200"),
        "POST /api/complaints" => await probe.Http(Caller.Agent).GetStringAsync("/api/work-queues/complaints"),
        "POST /api/broadcasts" => await probe.Http(Caller.Supervisor).GetStringAsync("/api/broadcasts"),
        // Queue settings have no GET of their own; the directory grain is what the PUT changes.
        "PUT /api/queues/{queueId}" => JsonSerializer.Serialize(
            await probe.Deployment.Silos[0].Grains.GetGrain<ICallCenterDirectoryGrain>(0).GetQueue("service")),
        "PUT /api/admin/catalogue/{code}/terms" => await probe.Http(Caller.Anonymous).GetStringAsync("/api/catalogue"),
        "POST /api/admin/catalogue" or "PUT /api/admin/catalogue/{code}" => await probe.Http(Caller.Admin).GetStringAsync("/api/admin/catalogue"),
        "POST /api/admin/places/districts" or "POST /api/admin/places/districts/{district}/streets" =>
            await probe.Http(Caller.Admin).GetStringAsync("/api/admin/places"),
        "POST /api/merchant/workers/{workerId}/status" => await probe.Http(Caller.Merchant1).GetStringAsync("/api/merchant/workers/W001"),
        "POST /api/merchant-applications" or "POST /api/admin/merchants/{merchantId}/list" =>
            await probe.Http(Caller.Admin).GetStringAsync("/api/admin/merchants"),
        "POST /api/admin/articles" or "PUT /api/admin/articles/{articleId}" =>
            await probe.Http(Caller.Admin).GetStringAsync("/api/admin/articles") + await probe.Http(Caller.Admin).GetStringAsync("/api/admin/articles/A1001"),
        "POST /api/admin/accounts" or "PUT /api/admin/accounts/{login}" or "POST /api/admin/accounts/{login}/disable" =>
            await probe.Http(Caller.Admin).GetStringAsync("/api/admin/accounts?q=probe") + await probe.Http(Caller.Admin).GetStringAsync($"/api/admin/accounts/{BadInputFixture.ProbeLogin}"),
        "POST /api/merchant/logins" => await probe.Http(Caller.Merchant1).GetStringAsync("/api/merchant/logins"),
        // The probes' own keys (named 探测…): their last use never changes under these probes, unlike the keys the probes call with.
        "POST /api/admin/keys" => await probe.Http(Caller.Admin).GetStringAsync("/api/admin/keys?q=%E6%8E%A2%E6%B5%8B"),
        "POST /api/admin/keys/{keyId}/rotate" or "POST /api/admin/keys/{keyId}/revoke" =>
            await probe.Http(Caller.Admin).GetStringAsync($"/api/admin/keys/{probe.KeyId}"),
        "PUT /api/admin/hotlines/{dialled}" => await probe.Http(Caller.Admin).GetStringAsync("/api/admin/hotlines"),
        "PUT /api/admin/calendar/{year}" => await probe.Http(Caller.Admin).GetStringAsync("/api/admin/calendar/2025"),
        "POST /api/admin/blacklist" => await probe.Http(Caller.Admin).GetStringAsync("/api/admin/blacklist"),
        "POST /api/admin/call-center/teams" or "PUT /api/admin/call-center/teams/{teamId}" =>
            await probe.Http(Caller.Admin).GetStringAsync("/api/admin/call-center/teams"),
        "POST /api/admin/call-center/departments" or "PUT /api/admin/call-center/departments/{department}" =>
            await probe.Http(Caller.Admin).GetStringAsync("/api/admin/call-center/departments"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };
}
