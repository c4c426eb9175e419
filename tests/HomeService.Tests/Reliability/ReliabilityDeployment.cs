using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.Reliability;

/// <summary>One silo and one web host for a test class whose tests each use their own calls and orders; follow-ups fall due at once.</summary>
public sealed class ReliabilityDeployment : IAsyncLifetime
{
    public TestDeployment Deployment { get; private set; } = null!;
    public RunningWeb Web => Deployment.WebHosts[0];

    public async Task InitializeAsync() =>
        Deployment = await TestDeployment.Start(silos: 1, webHosts: 1, new() { ["HomeService:WorkOrders:FollowUpDelay"] = "00:00:01" });

    public async Task DisposeAsync() => await Deployment.DisposeAsync();
}
