using HomeService.SmsSim;

namespace HomeService.Tests.Infrastructure;

/// <summary>A test class that talks to the local provider servers directly, without a cluster: a fresh pair for each test.</summary>
public abstract class LocalSmsServerTest : IAsyncLifetime
{
    protected SmsSimHost Sim { get; private set; } = null!;
    protected HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(10) };

    public async Task InitializeAsync() => Sim = await LocalSmsProviders.Start();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Sim.DisposeAsync();
    }
}
