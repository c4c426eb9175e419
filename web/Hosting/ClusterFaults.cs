using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace HomeService.Web.Hosting;

/// <summary>
/// Exceptions that say a silo went away mid-call (killed, restarting, its gateway lost) rather than that the request is
/// wrong: the same request can succeed a moment later on the silos that remain.
/// </summary>
public static class ClusterFaults
{
    public static bool IsTransient(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is OrleansMessageRejectionException or SiloUnavailableException or ConnectionFailedException or GatewayTooBusyException
                or TimeoutException) return true;
            if (e is AggregateException all && all.InnerExceptions.Any(IsTransient)) return true;
        }
        return false;
    }
}
