using System.Net;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Doors;

/// <summary>Two web hosts behind one balancer, and a callback door that lets two posts through per address.</summary>
public sealed class TwoWebHostLowLimitDeployment : IAsyncLifetime
{
    public const int Callbacks = 2;

    public TestDeployment Deployment { get; private set; } = null!;

    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 1, webHosts: 2, new()
    {
        ["HomeService:Security:CallbackRequestsPerAddress"] = Callbacks.ToString(),
    });

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

/// <summary>
/// A door's allowance is one per address for the whole center, not one per web host: the cluster counts it, so a client
/// that alternates between the web hosts (as a balancer would send it) is refused after the same number of posts.
/// </summary>
public sealed class SharedDoorTests(TwoWebHostLowLimitDeployment fixture) : IClassFixture<TwoWebHostLowLimitDeployment>
{
    [Fact]
    public async Task A_client_alternating_between_two_web_hosts_gets_one_allowance_not_two()
    {
        var hosts = fixture.Deployment.WebHosts;
        var sessions = hosts.Select(h => WebSession.Anonymous(h, "zh-CN")).ToList();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * TwoWebHostLowLimitDeployment.Callbacks; i++)
        {
            var session = sessions[i % sessions.Count];
            answers.Add((await (await CallbackForm.Open(session)).Submit($"1395555410{i}")).StatusCode);
        }
        // Per web host, each would have let two through; together they let two through.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], answers);
        foreach (var s in sessions) s.Dispose();
    }
}
