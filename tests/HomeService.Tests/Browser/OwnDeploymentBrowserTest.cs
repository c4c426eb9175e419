using HomeService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HomeService.Tests.Browser;

/// <summary>
/// A browser test whose every test method gets a deployment of its own (one silo, one web host, a fresh database), for
/// screens whose lists must hold only what the test did.
/// </summary>
public abstract class OwnDeploymentBrowserTest(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output), IAsyncLifetime
{
    protected TestDeployment Deployment { get; private set; } = null!;
    protected RunningWeb Web { get; private set; } = null!;

    /// <summary>Settings a test class needs its deployment to start with (a short follow-up delay, say); none by default.</summary>
    protected virtual Dictionary<string, string?>? Settings => null;

    public async Task InitializeAsync()
    {
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1, Settings);
        Web = Deployment.WebHosts[0];
    }

    public Task DisposeAsync() => Deployment.DisposeAsync().AsTask();
}
