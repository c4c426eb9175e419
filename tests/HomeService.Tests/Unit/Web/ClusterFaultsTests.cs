using HomeService.Web.Hosting;
using Orleans.Runtime;

namespace HomeService.Tests.Unit.Web;

/// <summary>Which failures mean "a silo went away, try again shortly" (503 and a retry) and which are real faults (500).</summary>
public sealed class ClusterFaultsTests
{
    [Fact]
    public void A_rejected_message_an_unavailable_silo_and_a_timeout_are_transient_also_when_wrapped()
    {
        Assert.True(ClusterFaults.IsTransient(new SiloUnavailableException("silo gone")));
        Assert.True(ClusterFaults.IsTransient(new TimeoutException("response timed out")));
        Assert.True(ClusterFaults.IsTransient(new InvalidOperationException("outer", new SiloUnavailableException("silo gone"))));
        Assert.True(ClusterFaults.IsTransient(new AggregateException(new ArgumentException("x"), new TimeoutException())));
    }

    [Fact]
    public void A_bug_or_a_refused_argument_is_not()
    {
        Assert.False(ClusterFaults.IsTransient(new InvalidOperationException("bug")));
        Assert.False(ClusterFaults.IsTransient(new OrleansException("no implementation")));
        Assert.False(ClusterFaults.IsTransient(null));
    }
}
