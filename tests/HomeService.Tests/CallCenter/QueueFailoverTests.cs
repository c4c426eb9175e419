using HomeService.CallCenter;
using HomeService.Tests.Infrastructure;

namespace HomeService.Tests.CallCenter;

/// <summary>Silos hosting the queue are killed (SIGKILL) while calls wait; the calls resume, in order, with nothing lost.</summary>
public sealed class QueueFailoverTests
{
    [Fact]
    public async Task Twenty_waiting_calls_survive_the_queue_silo_being_killed_and_are_answered_in_arrival_order()
    {
        await using var deployment = await TestDeployment.Create();
        await using var first = await SiloProcess.Start(deployment);
        await using var second = await SiloProcess.Start(deployment);
        var web = await deployment.StartWeb();
        var grains = web.App.Services.GetRequiredService<IClusterClient>();

        var offered = Enumerable.Range(1, 20).Select(i => $"wait-{i:00}").ToList();
        foreach (var id in offered)
        {
            var view = await grains.GetGrain<ICallGrain>(id).Offered(new CtiCallOffered($"offer-{id}", $"1390000{offered.IndexOf(id):0000}", "037112345", "T1", "2"));
            Assert.Equal(CallStatus.Queued, view.Status);
        }
        Assert.Equal(offered, (await grains.GetGrain<IQueueGrain>("service").GetView()).WaitingCallIds);

        // Whichever silo held the queue, calls and agents crashes once: kill one, start a fresh one, kill the other.
        first.Kill();
        await AssertStillWaiting(grains, offered);
        await using var third = await SiloProcess.Start(deployment);
        second.Kill();
        await AssertStillWaiting(grains, offered);

        // One agent takes the calls one by one: they ring in the order they arrived.
        var agent = grains.GetGrain<IAgentGrain>("A001");
        Assert.True((await agent.Login()).Succeeded);
        Assert.True((await agent.Ready()).Succeeded);
        var answered = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (answered.Count < offered.Count && !deadline.IsCancellationRequested)
        {
            var view = await agent.Get();
            if (view is { Status: AgentStatus.Ringing, CallId: { } callId })
            {
                var call = grains.GetGrain<ICallGrain>(callId);
                if (!(await call.Accept("A001")).Succeeded) { await Task.Delay(20); continue; } // ring not yet delivered
                await call.HungUp($"hangup-{callId}", "caller", "normal");
                answered.Add(callId);
                Assert.True((await agent.EndWrapUp()).Succeeded);
            }
            else
            {
                await Task.Delay(20);
            }
        }
        Assert.Equal(offered, answered);
        // The queue hears of an answer one-way, a moment after the agent's accept returns.
        await Eventually.True(async () => (await grains.GetGrain<IQueueGrain>("service").GetView()).WaitingCallIds.Count == 0,
            TimeSpan.FromSeconds(10), "the line is empty once every call is answered");
    }

    private static Task AssertStillWaiting(IClusterClient grains, List<string> offered) =>
        Eventually.True(async () => (await grains.GetGrain<IQueueGrain>("service").GetView()).WaitingCallIds.SequenceEqual(offered),
            TimeSpan.FromSeconds(60), "the queue is back with all twenty calls in order");
}
