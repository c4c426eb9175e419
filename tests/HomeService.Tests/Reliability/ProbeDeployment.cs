using System.Text;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>
/// One silo and one web host of their own for a reliability class (its probes change state that other classes
/// read), with a session per <see cref="Caller"/>: cookies for people, an X-Api-Key header for machines.
/// </summary>
public class ProbeDeployment : IAsyncLifetime
{
    private static readonly Dictionary<Caller, string> Logins = new()
    {
        [Caller.Resident] = "resident", [Caller.Agent] = "agent1", [Caller.Supervisor] = "supervisor", [Caller.Admin] = "admin",
        [Caller.Merchant1] = "merchant1", [Caller.Merchant2] = "merchant2", [Caller.Worker] = "worker1",
    };

    private readonly Dictionary<Caller, WebSession> _sessions = new();

    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    public virtual async Task InitializeAsync()
    {
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1);
        _sessions[Caller.Anonymous] = WebSession.Anonymous(Web);
        foreach (var (caller, login) in Logins) _sessions[caller] = await WebSession.SignIn(Web, login);
        _sessions[Caller.PartnerKey] = KeySession(TestDeployment.PartnerKey);
        _sessions[Caller.TelephonyKey] = KeySession(TestDeployment.TelephonyKey);
    }

    private WebSession KeySession(string key)
    {
        var session = WebSession.Anonymous(Web);
        session.Http.DefaultRequestHeaders.Add("X-Api-Key", key);
        return session;
    }

    public HttpClient Http(Caller caller) => _sessions[caller].Http;

    public WebSession Session(Caller caller) => _sessions[caller];

    /// <summary>A second session of the same person or key, for a request that ends its session (signing out).</summary>
    public async Task<WebSession> Another(Caller caller) => caller switch
    {
        Caller.Anonymous => WebSession.Anonymous(Web),
        Caller.PartnerKey => KeySession(TestDeployment.PartnerKey),
        Caller.TelephonyKey => KeySession(TestDeployment.TelephonyKey),
        _ => await WebSession.SignIn(Web, Logins[caller]),
    };

    /// <summary>Sends a request as the caller. Every request carries a fresh Idempotency-Key, which only machine endpoints read.</summary>
    public async Task<HttpResponseMessage> Send(Caller caller, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        var response = await Http(caller).SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _sessions.Values) session.Dispose();
        await Deployment.DisposeAsync();
    }
}
