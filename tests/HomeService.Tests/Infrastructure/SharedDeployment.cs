namespace HomeService.Tests.Infrastructure;

/// <summary>
/// Two silos and two web hosts on one database, shared by the tests that only read or add data
/// (auth, API errors, pushes, pages, browser). Tests that stop silos build their own deployment.
/// </summary>
public sealed class SharedDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb WebA => Deployment.WebHosts[0];
    public RunningWeb WebB => Deployment.WebHosts[1];

    public async Task InitializeAsync() => Deployment = await TestDeployment.Start(silos: 2, webHosts: 2);

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedDeploymentCollection : ICollectionFixture<SharedDeployment>
{
    public const string Name = "shared deployment";
}
