using HomeService.Web.Hosting;

namespace HomeService.Web.Api;

/// <summary>
/// A request that may be sent again without changing its outcome (a read, a PUT, or a command with an Idempotency-Key,
/// which every CTI event carries) is tried again inside the web host when a silo went away mid-call, so the caller
/// rarely sees <see cref="ClusterUnavailable"/>'s 503 at all. The cluster needs a moment to notice a dead silo; the waits
/// cover that. A response already started (a streamed export) is never run twice.
/// </summary>
public static class ClusterRetry
{
    private static readonly TimeSpan[] Waits = [TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

    public static TBuilder RetryWhenASiloGoes<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (!Repeatable(http.Request)) return await next(context);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return await next(context);
                }
                catch (Exception e) when (attempt < Waits.Length && ClusterFaults.IsTransient(e) && !http.Response.HasStarted)
                {
                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ClusterRetry))
                        .LogInformation("{Method} {Path} met a silo going away ({Error}); trying again", http.Request.Method, http.Request.Path, e.Message);
                    await Task.Delay(Waits[attempt], http.RequestAborted);
                }
            }
        });

    private static bool Repeatable(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsPut(request.Method)
        || request.Headers.ContainsKey(CtiEndpoints.IdempotencyHeader);
}
